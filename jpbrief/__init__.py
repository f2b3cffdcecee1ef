"""jpbrief: an offline reader for policy briefings on Japan's defence and economic security."""

__version__ = "0.1.0"
