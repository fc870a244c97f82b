# hashlib: CPU-bound hashing as tutorials do it (a pool of processes each hashing its chunk), with CPython's
# digests for md5, sha1, sha224, sha256 and sha512, update() in pieces, copy(), new() and the errors.
import hashlib
from concurrent.futures import ProcessPoolExecutor


def work(seed):
    h = hashlib.sha256()
    for i in range(200):
        h.update(f"{seed}:{i}".encode())
    return seed, h.hexdigest()[:16]


if __name__ == "__main__":
    for name in ("md5", "sha1", "sha224", "sha256", "sha512"):
        h = hashlib.new(name, b"interleave")
        print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
    h = hashlib.sha256(b"hello ")
    c = h.copy()
    h.update(b"world")
    print(h.hexdigest() == hashlib.sha256(b"hello world").hexdigest(), c.hexdigest()[:12])
    print(hashlib.md5(bytearray(b"x" * 100)).digest()[:4], len(hashlib.sha1().digest()))
    print(sorted(hashlib.algorithms_guaranteed & {"md5", "sha256"}))
    for bad in ("text", 42):
        try:
            hashlib.sha256(bad)
        except TypeError as e:
            print("TypeError:", e)
    try:
        hashlib.new("nope")
    except ValueError as e:
        print("ValueError:", e)
    with ProcessPoolExecutor(max_workers=2) as ex:
        for seed, digest in ex.map(work, range(4)):
            print(seed, digest)
