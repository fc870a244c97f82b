# Calling task_done() more times than items were put raises ValueError.
import queue

q = queue.Queue()
q.put("job")
q.get()
q.task_done()
print("one task done")
q.task_done()
