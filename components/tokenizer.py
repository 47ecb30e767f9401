"""A whitespace tokenizer that also splits Thai and Chinese into characters.

WhitespaceTokenizer refuses zh and th and would leave a whole Thai or Chinese
sentence as one token, so entity annotations inside it could never align.
Splitting those scripts into single characters keeps every annotation aligned
and lets the word featurizer's n-grams act as character n-grams there.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message

from components.scripts import UNSPACED_SPLIT


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False
)
class ScriptTokenizer(WhitespaceTokenizer):
    """Whitespace tokens, with Thai and Han characters as tokens of their own."""

    @staticmethod
    def not_supported_languages() -> list[str] | None:
        return None

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        text = message.get(attribute)
        tokens = super().tokenize(message, attribute)
        words = [
            piece
            for token in tokens
            for piece in UNSPACED_SPLIT.split(token.text)
            if piece.strip()
        ]
        return self._apply_token_pattern(self._convert_words_to_tokens(words, text))
