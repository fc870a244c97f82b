# outcome: 1
# outcome: 2
# complete
import asyncio


class Account:
    def __init__(self):
        self.balance = 0


async def deposit(acct):
    b = acct.balance
    await asyncio.sleep(0)
    acct.balance = b + 1


async def main():
    acct = Account()
    await asyncio.gather(deposit(acct), deposit(acct))
    print(acct.balance)


asyncio.run(main())
