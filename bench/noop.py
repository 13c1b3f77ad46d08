"""A no-op RQ job: the peer in bench_queue.py (what RQ alone costs per job)."""


def noop(*_args: object) -> None:
    return None
