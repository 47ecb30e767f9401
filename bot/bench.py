"""`peerline bench`: simulated people on Telegram, through the local stand-in.

Starts the Telegram stand-in (bot/telegram_standin.py), the real action and
Rasa servers (or uses running ones), and the Telegram front as its own
process, exactly as `peerline telegram` runs it. K people then send R
messages a second in all, for S seconds, in several languages and full of
personal data. It prints JSON: update-to-reply latency (from putting the
update in the stand-in to the bot's first message back), messages answered a
second, answers from degraded mode, the share of a core and the peak memory
of each process, and whether any of the personal data reached a log or a
database. Everything runs on loopback; every loop is bounded in count and in
time.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bot.settings import ROOT, Settings

TOKEN = "123456789:bench-token-not-a-real-one"  # noqa: S105 (only the stand-in takes it)
FIRST_CHAT_ID = 7_100_000_000
WARM_UP_SECONDS = 5.0
REPLY_GRACE_SECONDS = 30.0
LIMITS = {"people": 10_000, "rate": 200.0, "seconds": 600.0}
# Questions people ask, with the personal data they put in them. The second
# element is what must never appear in any log or database.
MESSAGES = [
    ("hi, the police stopped me in Paris, what are my rights? call me +33 6 12 34 56 78",
     "+33 6 12 34 56 78"),
    ("hola, necesito ayuda con mis papeles, mi correo es ana.bench@example.com",
     "ana.bench@example.com"),
    ("my boss took my passport AB7654321, what can I do?", "AB7654321"),
    ("where can I get tested in Berlin? I live at Hauptstraße 57", "Hauptstraße 57"),
    ("Bună, unde găsesc un grup de sprijin în București? tel 0721 234 567", "0721 234 567"),
    ("Здравствуйте, полиция забрала мой паспорт, что мне делать?", None),
    ("help, he is hitting me, I am at 12 rue de Rivoli", "12 rue de Rivoli"),
    ("я хочу поговорити з людиною, мій телеграм @olena_bench", "@olena_bench"),
    ("Olá, quais são os meus direitos no trabalho? IBAN PT50000201231234567890154",
     "PT50000201231234567890154"),
    ("ciao, dove posso fare un test? sono nata il 12/03/1990", "12/03/1990"),
    ("สวัสดี ฉันต้องการความช่วยเหลือ โทร 081 234 5678", "081 234 5678"),
    ("你好，我需要帮助，我的电话 138 0013 8000", "138 0013 8000"),
    ("thanks!", None),
]


def add_bench_command(commands) -> None:
    bench = commands.add_parser("bench", help="load test through a local Telegram stand-in")
    bench.add_argument("--people", type=int, default=100, help="simulated people (K)")
    bench.add_argument("--rate", type=float, default=30.0, help="messages a second, all together")
    bench.add_argument("--seconds", type=float, default=60.0, help="length of the measurement")
    bench.add_argument("--use-running", action="store_true",
                       help="use the Rasa servers already running at PEERLINE_RASA_PORT and "
                            "PEERLINE_ACTION_PORT, with their PEERLINE_DATA_DIR")


def command_bench(args, settings: Settings) -> int:
    for name, limit in LIMITS.items():
        if not 0 < getattr(args, name) <= limit:
            print(f"--{name} must be above 0 and at most {limit:g}", file=sys.stderr)
            return 2
    result = run(settings, args.people, args.rate, args.seconds, args.use_running)
    print(json.dumps(result, indent=2))
    return 0


def percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ranked = sorted(values)
    return ranked[min(len(ranked) - 1, int(share * len(ranked)))]


def peak_rss_mb(pid: int) -> float | None:
    """The process's and its children's peak resident memory (VmHWM), in MB."""
    total, found = 0, False
    for each in [pid, *children(pid)]:
        try:
            status = Path(f"/proc/{each}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                total += int(line.split()[1])
                found = True
    return round(total / 1024, 1) if found else None


def cpu_seconds(pid: int) -> float:
    """CPU time the process and its children have used so far."""
    total = 0
    for each in [pid, *children(pid)]:
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found, frontier = [], [pid]
    while frontier:
        frontier = [child for child, parent in parents.items() if parent in frontier]
        found += frontier
    return found


def personal_data_found(data_dir: Path, secrets: list[str]) -> list[str]:
    """Which files under data_dir hold any of the secrets (the file names, not the secrets)."""
    hits = []
    for path in sorted(data_dir.rglob("*")):
        if path.is_file() and path.name != "pseudonym.key":
            data = path.read_bytes()
            hits += [f"{path.relative_to(data_dir)}: secret #{i}"
                     for i, secret in enumerate(secrets) if secret.encode() in data]
    return hits


def start_bot(settings: Settings, log: Path) -> subprocess.Popen:
    env = dict(os.environ, TELEGRAM_BOT_TOKEN=TOKEN,
               TELEGRAM_API_BASE_URL=settings.telegram_api_base_url,
               PEERLINE_DATA_DIR=str(settings.data_dir),
               PEERLINE_RASA_PORT=str(settings.rasa_port),
               PEERLINE_ACTION_PORT=str(settings.action_port))
    env.pop("PEERLINE_PUBLIC_URL", None)
    with open(log, "ab") as output:
        return subprocess.Popen([sys.executable, "-m", "bot.cli", "telegram"], cwd=ROOT,
                                env=env, stdout=output, stderr=subprocess.STDOUT)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def drive(standin, people: int, rate: float, seconds: float) -> dict[int, int]:
    """Send messages at the rate, round robin over the people; return update id -> chat."""
    sent: dict[int, int] = {}
    start, count = time.monotonic(), int(rate * seconds)
    for i in range(count):
        delay = start + i / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        person = i % people
        text, _ = MESSAGES[(i // people + person) % len(MESSAGES)]
        chat_id = FIRST_CHAT_ID + person
        sent[standin.message(chat_id, text, language_code=None)["update_id"]] = chat_id
    return sent


def first_replies(standin, sent: dict[int, int], deadline: float) -> tuple[list[float], int]:
    """Latency of each update: until the bot's first message to that chat after it.

    Also how many updates arrived while the person's previous one was still
    unanswered: their latency is then measured from a reply that may belong
    to the previous one, so it is too low. None at rates the system keeps up with.
    """
    while time.monotonic() < deadline:
        latencies, _ = _latencies(standin, sent)
        if len(latencies) == len(sent):
            break
        time.sleep(0.2)
    return _latencies(standin, sent)


def _latencies(standin, sent: dict[int, int]) -> tuple[list[float], int]:
    replies: dict[int, list[float]] = {}
    for call in standin.calls_of("sendMessage"):
        replies.setdefault(call.params["chat_id"], []).append(call.at)
    result, overlapped, answered_at = [], 0, {}
    for update_id, chat_id in sorted(sent.items()):
        injected = standin.injected_at[update_id]
        overlapped += answered_at.get(chat_id, 0) > injected
        later = [at for at in replies.get(chat_id, []) if at >= injected]
        if later:
            result.append(min(later) - injected)
            answered_at[chat_id] = min(later)
    return result, overlapped


def degraded_answers(replies: list) -> int:
    """How many answers came from degraded mode (Rasa down or too slow)."""
    from actions.content import ContentStore

    content = ContentStore().get()
    service_down = {content.string(code, "service_down") for code in content.languages}
    return sum(call.params["text"] in service_down for call in replies)


def summary(sent: dict[int, int], latencies: list[float], replies: list, span: float) -> dict:
    milliseconds = {"p50": percentile(latencies, 0.50), "p95": percentile(latencies, 0.95),
                    "p99": percentile(latencies, 0.99), "max": max(latencies, default=None),
                    "mean": statistics.fmean(latencies) if latencies else None}
    return {
        "messages_sent": len(sent), "messages_answered": len(latencies),
        "messages_per_second": round(len(latencies) / span, 2),
        "replies_per_second": round(len(replies) / span, 2),
        "answers_degraded": degraded_answers(replies),
        "latency_ms": {name: None if value is None else round(1000 * value, 1)
                       for name, value in milliseconds.items()},
    }


def run(settings: Settings, people: int, rate: float, seconds: float,
        use_running: bool = False) -> dict:
    import httpx

    from bot.services import Services, free_port
    from bot.telegram_standin import StandIn

    load = round(os.getloadavg()[0], 2)  # other work on the machine skews every figure
    with tempfile.TemporaryDirectory(prefix="peerline-bench-") as scratch, \
            StandIn(TOKEN) as standin:
        settings = replace(settings, telegram_token=TOKEN, public_url=None,
                           telegram_api_base_url=standin.base_url)
        services = None
        if use_running:
            if httpx.get(settings.rasa_url, timeout=5).status_code != 200:
                raise RuntimeError(f"no Rasa server answers at {settings.rasa_url}")
        else:
            settings = replace(settings, data_dir=Path(scratch), rasa_port=free_port(),
                               action_port=free_port())
            services = Services(settings)
        bot = None
        try:
            if services:
                services.start_all(timeout=300)
            (settings.data_dir / "logs").mkdir(parents=True, exist_ok=True)
            bot = start_bot(settings, settings.data_dir / "logs" / "bench-bot-output.log")
            if not standin.wait_for("getUpdates", timeout=120):
                raise RuntimeError("the bot did not start polling; see its log")
            drive(standin, people, rate, min(WARM_UP_SECONDS, seconds))
            processes = {"bot": bot.pid} | (
                {name: p.pid for name, p in services.processes.items()} if services else {})
            cpu_before = {name: cpu_seconds(pid) for name, pid in processes.items()}
            measured_from = len(standin.calls_of("sendMessage"))
            sent = drive(standin, people, rate, seconds)
            latencies, overlapped = first_replies(standin, sent,
                                                  time.monotonic() + REPLY_GRACE_SECONDS)
            replies = standin.calls_of("sendMessage")[measured_from:]
            first = min(standin.injected_at[update_id] for update_id in sent)
            span = max(call.at for call in replies) - first if replies else seconds
            # Share of one core each process used while measured: who is the bottleneck.
            cores = {name: round((cpu_seconds(pid) - cpu_before[name]) / span, 2)
                     for name, pid in processes.items()}
            memory = {name: peak_rss_mb(pid) for name, pid in processes.items()}
            memory["peerline_total"] = round(sum(v for v in memory.values() if v), 1)
            memory["bench_and_standin"] = round(
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
            stop(bot)
            secrets = [secret for _, secret in MESSAGES if secret] + [TOKEN] + [
                str(FIRST_CHAT_ID + person) for person in range(people)]
            return {"people": people, "rate_asked": rate, "seconds": seconds,
                    "machine": {"cores": os.cpu_count(), "load_average_before": load},
                    **summary(sent, latencies, replies, span),
                    "sent_before_the_previous_answer": overlapped, "cpu_cores_used": cores,
                    "peak_rss_mb": memory,
                    "personal_data_found": personal_data_found(settings.data_dir, secrets)}
        finally:
            if bot:
                stop(bot)
            if services:
                services.stop_all()
