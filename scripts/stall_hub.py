"""A misbehaving stand-in for the Hugging Face Hub on 127.0.0.1, to time
sumbench's download deadlines by hand (README, "Datasets").

    python3 scripts/stall_hub.py MODE PORT

MODE is `stall` (headers announcing 100,000 bytes, 1,000 of them, then nothing),
`silent` (the request is read, nothing is sent) or `drip` (headers, then one
byte every 0.5 s). Every request gets the same answer; connections are held
until the client leaves. The server stops by itself after 5 minutes. Then:

    time HF_ENDPOINT=http://127.0.0.1:PORT SUMBENCH_CACHE=$(mktemp -d) \\
        sumbench datasets download hf://datasets/test/news@main/data/news.parquet
"""

import socket
import sys
import threading
import time


def serve(conn, mode):
    conn.settimeout(120)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            return
        data += chunk
    try:
        if mode in ("stall", "drip"):
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n")
        if mode == "stall":
            conn.sendall(b"x" * 1000)
        if mode == "drip":
            for _ in range(100000):
                conn.sendall(b"x")
                time.sleep(0.5)
        while conn.recv(4096):
            pass
    except OSError:
        pass
    finally:
        conn.close()


def main():
    mode, port = sys.argv[1], int(sys.argv[2])
    if mode not in ("stall", "silent", "drip"):
        sys.exit(f"unknown mode {mode!r}: stall, silent or drip")
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", port))
    server.listen(16)
    server.settimeout(5)
    end = time.time() + 300
    while time.time() < end:
        try:
            conn, _ = server.accept()
        except socket.timeout:
            continue
        threading.Thread(target=serve, args=(conn, mode), daemon=True).start()


if __name__ == "__main__":
    main()
