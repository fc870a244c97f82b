# Two deposits on one account: each reads the balance, waits for the bank, then writes.
import asyncio


class Account:
    def __init__(self):
        self.balance = 100


async def deposit(account, amount):
    balance = account.balance
    await asyncio.sleep(0.1)
    account.balance = balance + amount


async def main():
    account = Account()
    await asyncio.gather(deposit(account, 50), deposit(account, 25))
    print(account.balance)


asyncio.run(main())
