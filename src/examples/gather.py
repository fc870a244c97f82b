import asyncio


async def fetch_price(shop, delay, price):
    print(f"asking {shop}")
    await asyncio.sleep(delay)
    print(f"{shop} answered")
    return price


async def main():
    # gather runs the three concurrently and returns results in argument order,
    # whatever order they finish in.
    prices = await asyncio.gather(
        fetch_price("north", 0.3, 12),
        fetch_price("south", 0.1, 9),
        fetch_price("east", 0.2, 11),
    )
    print("prices:", prices)
    print("cheapest:", min(prices))


asyncio.run(main())
