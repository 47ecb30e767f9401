"""The knowledge base in content/: reading, the model, and live reload."""

from actions.content.model import TOPICS, Content, Country
from actions.content.store import ContentStore, default_content_dir
from actions.content.yamlfile import ContentError

__all__ = ["TOPICS", "Content", "ContentError", "ContentStore", "Country",
           "default_content_dir"]
