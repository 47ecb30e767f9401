"""What the front does with each Telegram update.

Every update first passes the gate: private chats only, the message id noted
for /wipe, the rate limit. Then text goes the shared way of every front
(bot/conversation.py), commands are answered from content/ directly, and
anything that is not text gets a short reply saying so. No reply ever quotes
what the person sent.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from datetime import timedelta

from telegram import BotCommand, InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.error import RetryAfter, TelegramError
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from actions import answers
from bot import language
from bot.conversation import Conversation
from bot.logs import describe_error
from bot.ratelimit import RateLimiter, Verdict
from bot.redaction import warm_up
from bot.telegram_front import render
from bot.telegram_front.ledger import Ledger

logger = logging.getLogger(__name__)

COMMANDS = ("start", "menu", "language", "privacy", "wipe", "help")
# The front's own buttons; Rasa's payloads all begin with "/".
WIPE_YES, WIPE_NO = "front:wipe_yes", "front:wipe_no"
DELETE_BATCH = 100  # deleteMessages takes at most 100 ids
MAX_RETRY_AFTER_SECONDS = 10
Context = ContextTypes.DEFAULT_TYPE


class Front:
    def __init__(self, conversation: Conversation, ledger: Ledger, limiter: RateLimiter,
                 retention_days: int):
        self.conversation = conversation
        self.ledger = ledger
        self.limiter = limiter
        self.keys = render.CallbackKeys()
        for payload in (WIPE_YES, WIPE_NO):
            self.keys.key_for(payload)
        self.retention_days = retention_days
        self.groups_left: OrderedDict[int, None] = OrderedDict()
        # The ledger is erased by /wipe only, after it has deleted the messages:
        # asking in words (delete_my_data) must leave /wipe able to find them.
        conversation.erasers.append(limiter.forget)

    def register(self, application: Application) -> None:
        application.add_handler(TypeHandler(Update, self.gate), group=-1)
        application.add_handlers([
            MessageHandler(filters.UpdateType.EDITED, self.edited),
            *(CommandHandler(name, getattr(self, f"command_{name}")) for name in COMMANDS),
            CallbackQueryHandler(self.pressed),
            MessageHandler(filters.TEXT, self.text),  # unknown /commands too: Rasa reads them
            MessageHandler(~filters.StatusUpdate.ALL, self.not_text),
        ])
        application.add_error_handler(self.failed)

    # -- start and stop ------------------------------------------------------------

    async def started(self, application: Application) -> None:
        """Register the commands in every language, and make the first message fast."""
        self.conversation.start_chores()
        content = self.conversation.store.get()
        for code in (None, *content.languages):
            commands = [BotCommand(name, content.string(code or "en", f"cmd_{name}"))
                        for name in COMMANDS]
            await application.bot.set_my_commands(commands, language_code=code)
        # The buttons content/ can show get their keys now, so that buttons sent
        # before a restart still work after it.
        for message in (answers.menu(content, "en"), answers.language_menu(content, "en"),
                        answers.ask_country(content, "en")):
            for button in message["buttons"]:
                self.keys.key_for(button["payload"])
        await asyncio.to_thread(warm_up)

    async def stopped(self, application: Application) -> None:
        self.conversation.stop_chores()
        await self.conversation.rasa.close()
        self.ledger.close()

    # -- the gate --------------------------------------------------------------------

    async def gate(self, update: Update, context: Context) -> None:
        chat = update.effective_chat
        if chat is None or (update.my_chat_member and chat.type == ChatType.PRIVATE):
            raise ApplicationHandlerStop  # nothing to answer (a person blocked the bot, ...)
        if chat.type != ChatType.PRIVATE:
            await self.leave(update, context)
            raise ApplicationHandlerStop
        pseudonym = self.conversation.pseudonymize(chat.id)
        if update.message:
            self.ledger.record(pseudonym, update.message.message_id,
                               update.message.date.timestamp())
        if self.always_allowed(update):
            return
        verdict = self.limiter.check(pseudonym)
        if verdict is Verdict.ANSWER:
            return
        if update.callback_query:
            await update.callback_query.answer()
        if verdict is Verdict.WARN:
            await self.say(update, context, "rate_limited")
        raise ApplicationHandlerStop

    def always_allowed(self, update: Update) -> bool:
        """/wipe and its confirmation pass the rate limit: leaving no trace comes first."""
        if update.callback_query:
            return self.keys.payload_for(update.callback_query.data or "") in (WIPE_YES, WIPE_NO)
        text = update.message.text if update.message else None
        return bool(text) and text.split()[0].split("@")[0] == "/wipe"

    async def leave(self, update: Update, context: Context) -> None:
        """Say once, in the group, that Peerline works in private chats only; then leave."""
        chat = update.effective_chat
        if update.my_chat_member and update.my_chat_member.new_chat_member.status in (
                "left", "kicked"):
            return
        if chat.id not in self.groups_left:
            self.groups_left[chat.id] = None
            while len(self.groups_left) > 1000:
                self.groups_left.popitem(last=False)
            user = update.effective_user
            lang = language.resolve("", telegram_code=user.language_code if user else None)
            content = self.conversation.store.get()
            try:
                await context.bot.send_message(chat.id, content.string(lang, "private_only"))
            except TelegramError as error:  # e.g. a channel where the bot may not post
                logger.info("could not post in a group before leaving: %s",
                            describe_error(error))
        await context.bot.leave_chat(chat.id)

    # -- commands --------------------------------------------------------------------

    async def command_start(self, update: Update, context: Context) -> None:
        lang, content = self.language(update), self.conversation.store.get()
        await self.send(update, context, [
            answers.text(content.string(lang, "greeting")),
            answers.text(content.string(lang, "privacy_short", days=self.retention_days)),
            answers.language_menu(content, lang)])

    async def command_menu(self, update: Update, context: Context) -> None:
        await self.send(update, context,
                        [answers.menu(self.conversation.store.get(), self.language(update))])

    async def command_language(self, update: Update, context: Context) -> None:
        await self.send(update, context, [answers.language_menu(self.conversation.store.get(),
                                                                self.language(update))])

    async def command_privacy(self, update: Update, context: Context) -> None:
        content = self.conversation.store.get()
        await self.send(update, context, [answers.text(content.string(
            self.language(update), "privacy_full", days=self.retention_days))])

    async def command_help(self, update: Update, context: Context) -> None:
        await self.say(update, context, "help_text")

    async def command_wipe(self, update: Update, context: Context) -> None:
        lang, content = self.language(update), self.conversation.store.get()
        buttons = [{"title": content.string(lang, "wipe_yes"), "payload": WIPE_YES},
                   {"title": content.string(lang, "wipe_no"), "payload": WIPE_NO}]
        await self.send(update, context,
                        [answers.text(content.string(lang, "wipe_confirm"), buttons)])

    # -- buttons ---------------------------------------------------------------------

    async def pressed(self, update: Update, context: Context) -> None:
        query = update.callback_query
        await query.answer()
        payload = self.keys.payload_for(query.data or "")
        if payload == WIPE_YES:
            await self.wipe(update, context)
        elif payload == WIPE_NO:
            content = self.conversation.store.get()
            await query.edit_message_text(content.string(self.language(update),
                                                         "wipe_cancelled"))
        elif payload is not None:
            await self.answer(update, context, payload)
        else:  # a button from before a restart whose payload is no longer known
            await self.command_menu(update, context)

    async def wipe(self, update: Update, context: Context) -> None:
        """Delete what Telegram still lets the bot delete, then erase the person everywhere."""
        chat_id = update.effective_chat.id
        pseudonym = self.conversation.pseudonymize(chat_id)
        lang = self.language(update)  # before erasure forgets the person's choice
        ids, too_old = self.ledger.deletable(pseudonym)
        not_deleted = too_old
        for start in range(0, len(ids), DELETE_BATCH):
            batch = ids[start:start + DELETE_BATCH]
            try:
                await context.bot.delete_messages(chat_id, batch)
            except TelegramError as error:
                logger.warning("deleteMessages failed: %s", describe_error(error))
                not_deleted += len(batch)
        erased = await self.conversation.erase(pseudonym, also=[self.ledger.erase])
        content = self.conversation.store.get()
        done = content.string(lang, "wipe_done" if erased else "wipe_failed")
        # Not noted in the ledger: after erasure nothing of the person is kept.
        await context.bot.send_message(chat_id, done)
        if not_deleted:
            await context.bot.send_message(chat_id, content.string(lang, "wipe_partial",
                                                                   count=not_deleted))

    # -- messages --------------------------------------------------------------------

    async def text(self, update: Update, context: Context) -> None:
        await self.answer(update, context, update.effective_message.text)

    async def answer(self, update: Update, context: Context, text: str) -> None:
        """One turn through Rasa (or degraded mode), and its answer."""
        user = update.effective_user
        turn = await self.conversation.handle(update.effective_chat.id, text,
                                              user.language_code if user else None)
        await self.send(update, context, turn.messages)

    async def edited(self, update: Update, context: Context) -> None:
        await self.say(update, context, "edited_message")

    async def not_text(self, update: Update, context: Context) -> None:
        await self.say(update, context, "text_only")

    async def failed(self, update: object, context: Context) -> None:
        """Log the error's type and place only; give the person the menu and emergency numbers."""
        logger.error("update failed: %s", describe_error(context.error))
        if not isinstance(update, Update) or not update.effective_chat \
                or update.effective_chat.type != ChatType.PRIVATE:
            return
        content = self.conversation.store.get()
        try:
            await self.send(update, context, answers.degraded(content, self.language(update)))
        except TelegramError as error:
            logger.error("could not send the fallback answer: %s", describe_error(error))

    # -- sending ---------------------------------------------------------------------

    def language(self, update: Update) -> str:
        user = update.effective_user
        return self.conversation.reply_language(
            self.conversation.pseudonymize(update.effective_chat.id),
            user.language_code if user else None)

    async def say(self, update: Update, context: Context, key: str) -> None:
        """One interface string, in the person's language."""
        content = self.conversation.store.get()
        await self.send(update, context,
                        [answers.text(content.string(self.language(update), key))])

    async def send(self, update: Update, context: Context, messages: list[dict]) -> None:
        for body, markup in render.parts(messages, self.keys):
            await self.send_one(update, context, body, markup)

    async def send_one(self, update: Update, context: Context, body: str,
                       markup: InlineKeyboardMarkup | None) -> None:
        """Send one message (protected, no link previews: see app.py) and note its id."""
        chat_id = update.effective_chat.id
        try:
            sent = await context.bot.send_message(chat_id, body, reply_markup=markup)
        except RetryAfter as error:  # Telegram's flood limit: wait as told, then once more
            delay = error.retry_after
            seconds = delay.total_seconds() if isinstance(delay, timedelta) else delay
            await asyncio.sleep(min(seconds, MAX_RETRY_AFTER_SECONDS))
            sent = await context.bot.send_message(chat_id, body, reply_markup=markup)
        self.ledger.record(self.conversation.pseudonymize(chat_id), sent.message_id,
                           sent.date.timestamp())
