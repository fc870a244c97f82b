rows = [("Task-1", "done", 0.5), ("Task-2", "pending", 12.25), ("worker-long-name", "cancelled", 100)]
print(f"{'name':<18}{'state':<10}{'time':>8}")
for name, state, t in rows:
    print(f"{name:<18}{state:<10}{t:>8.2f}")
print(f"{'':-<36}")
