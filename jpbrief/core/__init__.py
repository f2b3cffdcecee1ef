"""The pure-Python core: model, content loader, renderer, search and notes. No Qt here."""
