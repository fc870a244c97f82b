import multiprocessing

if __name__ == "__main__":
    print(multiprocessing.get_start_method())
    print(multiprocessing.get_all_start_methods())
    ctx = multiprocessing.get_context("fork")
    print(ctx.get_start_method())
    try:
        multiprocessing.get_context("teleport")
    except ValueError as e:
        print("ValueError:", e)
    try:
        multiprocessing.set_start_method("fork")
    except RuntimeError as e:
        print("RuntimeError:", e)
