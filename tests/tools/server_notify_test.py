#!/usr/bin/python3
"""sangkien-server speaks sd_notify as a Type=notify unit needs.

  server_notify_test.py SERVER_BINARY

The test binds a Unix datagram socket and starts the server with
NOTIFY_SOCKET pointing at it, as systemd does: READY=1 comes once the server
takes calls (after its LISTENING line, and a TCP connect succeeds), WATCHDOG=1
every half WATCHDOG_USEC when WATCHDOG_PID is the server's pid (and never
when it names another process), STOPPING=1 on SIGTERM, then a clean exit.
"""
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time


def fail(message, server=None):
    print("FAIL:", message, file=sys.stderr)
    if server is not None:
        server.kill()
        _, err = server.communicate(timeout=10)
        print("--- server stderr\n" + err.decode(errors="replace")[-4000:], file=sys.stderr)
    sys.exit(1)


def start(binary, tmp, notify_path, watchdog_usec, watchdog_pid_self):
    env = dict(os.environ, NOTIFY_SOCKET=notify_path, WATCHDOG_USEC=str(watchdog_usec))
    db = os.path.join(tmp, "sangkien.db")
    args = [binary, "--config=", "--listen=127.0.0.1:0", "--db=" + db, "--seed_demo=false", "--log_calls=false", "--metrics_listen="]
    if watchdog_pid_self:
        # systemd sets WATCHDOG_PID to the main pid; exec keeps the shell's pid.
        command = ["/bin/sh", "-c", 'WATCHDOG_PID=$$ exec "$@"', "sh"] + args
    else:
        env["WATCHDOG_PID"] = "1"
        command = args
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def read_line(stream, deadline):
    line = b""
    while not line.endswith(b"\n"):
        if not select.select([stream], [], [], max(0, deadline - time.time()))[0]:
            return None
        c = os.read(stream.fileno(), 1)
        if not c:
            return None
        line += c
    return line.decode().strip()


def receive(sock, timeout):
    sock.settimeout(timeout)
    try:
        return sock.recv(4096).decode()
    except socket.timeout:
        return None


def watchdogs(sock, seconds):
    count, end = 0, time.time() + seconds
    while time.time() < end:
        got = receive(sock, max(0.01, end - time.time()))
        if got and "WATCHDOG=1" in got.split("\n"):
            count += 1
    return count


def run(binary, watchdog_pid_self):
    with tempfile.TemporaryDirectory(prefix="sangkien-notify.") as tmp:
        path = os.path.join(tmp, "notify.sock")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sock.bind(path)
        server = start(binary, tmp, path, 400000, watchdog_pid_self)
        listening = read_line(server.stdout, time.time() + 30)
        if not listening or not listening.startswith("LISTENING "):
            fail("no LISTENING line: %r" % listening, server)
        port = int(listening.split()[1])
        ready = receive(sock, 10)
        if not ready or "READY=1" not in ready.split("\n"):
            fail("no READY=1 after LISTENING: %r" % ready, server)
        if "STATUS=serving on port %d" % port not in ready:
            fail("READY=1 without the status line: %r" % ready, server)
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass
        count = watchdogs(sock, 1.0)  # a ping every 200 ms
        if watchdog_pid_self and count < 3:
            fail("%d WATCHDOG=1 in 1 s with WATCHDOG_USEC=400000" % count, server)
        if not watchdog_pid_self and count:
            fail("WATCHDOG=1 although WATCHDOG_PID names another process", server)
        server.send_signal(signal.SIGTERM)
        stopping = None
        end = time.time() + 10
        while time.time() < end:
            got = receive(sock, max(0.01, end - time.time()))
            if got and "STOPPING=1" in got.split("\n"):
                stopping = got
                break
        if stopping is None:
            fail("no STOPPING=1 after SIGTERM", server)
        try:
            code = server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            fail("the server did not exit within 30 s of SIGTERM", server)
        if code != 0:
            fail("exit code %d after SIGTERM" % code, server)
        print("ok: READY=1, %d WATCHDOG=1, STOPPING=1 (watchdog pid %s)"
              % (count, "the server's" if watchdog_pid_self else "another process's"))


def main():
    binary = sys.argv[1]
    run(binary, watchdog_pid_self=True)
    run(binary, watchdog_pid_self=False)
    print("PASS")


if __name__ == "__main__":
    main()
