"""Controllers: the behaviour behind the widgets' intents, one concern per module."""
