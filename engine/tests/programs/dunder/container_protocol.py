class Deck:
    def __init__(self):
        self.cards = [f"{r}{s}" for s in "SH" for r in "A23"]

    def __len__(self):
        return len(self.cards)

    def __getitem__(self, index):
        return self.cards[index]

    def __setitem__(self, index, value):
        self.cards[index] = value

    def __contains__(self, card):
        print("checking", card)
        return card in self.cards

d = Deck()
print(len(d), d[0], d[-1], d[1:3])
d[0] = "KS"
print("KS" in d, "AS" in d)
for card in d:
    print(card, end=" ")
print()
print(list(reversed(d)))
