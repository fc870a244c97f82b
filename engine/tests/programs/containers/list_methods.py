nums = [5, 3, 8]
nums.append(1)
nums.extend([9, 2])
nums.insert(0, 7)
print(nums)
print(nums.pop(), nums.pop(0), nums)
nums.remove(8)
print(nums, nums.index(3), nums.count(5))
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
nums.reverse()
print(nums, nums.copy() == nums, nums.copy() is nums)
nums.clear()
print(nums, len(nums))
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1, 2].remove(5)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2].index(5)
except ValueError as e:
    print("ValueError:", e)
