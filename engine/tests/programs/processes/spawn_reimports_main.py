import multiprocessing

print("module level runs in", __name__)
settings = {"mode": "default"}


def show(tag):
    print("child:", tag, __name__, settings, multiprocessing.current_process().name)


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    print(multiprocessing.get_start_method())
    settings["mode"] = "changed in the parent"
    p = multiprocessing.Process(target=show, args=("hello",))
    p.start()
    p.join()
    print("exit code", p.exitcode, settings)
