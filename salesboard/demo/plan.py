"""One seeded plan per address (its orders, contacts and mailing answer), and the rows the workbooks get from it."""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from salesboard.demo.vocabulary import (
    AS_OF,
    CARE_CONTACTS,
    COLD_CONTACTS,
    DROPOUTS,
    FIRST_ID,
    FIRST_NAMES,
    INTEREST_TYPES,
    LEGAL_FORMS,
    MAILING_DATE,
    MAILING_SIZE,
    MISSING_ADDRESSES,
    ORDER_COUNTS,
    ORDER_YEARS,
    OWNERS,
    PRODUCTS,
    RESPONSE_RATES,
    RESULTS,
    SEGMENT_COUNTS,
    SOURCE_CONTACTS,
    SOURCES,
    SURNAMES,
    TOWNS,
    TRADES,
)
from salesboard.folding import spell_out_umlauts


@dataclass
class Customer:
    """One address and everything that happens to it; all workbooks are written from these."""

    segment: str  # planned segment as of AS_OF
    company: str
    contact: str
    email: str
    phone: str
    town: tuple[str, str, str, str]
    owner: str
    source: str
    id: int = 0
    created: date = AS_OF
    interest_since: date | None = None
    follow_up: date | None = None
    orders: list[date] = field(default_factory=list)
    activities: list[tuple[date, str, str, date | None]] = field(default_factory=list)


FIRST_ORDER_FROM = date(2024, 1, 8)


def random_day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def recent_day(rng: random.Random, first: date, last: date) -> date:
    """A day between first and last, twice as likely at the end as at the start: business grows."""
    share = (1 + 3 * rng.random()) ** 0.5 - 1  # inverse of the CDF of a density rising 1 → 2
    return first + timedelta(days=int(share * (last - first).days))


def dates_up_to(rng: random.Random, end: date, count: int) -> list[date]:
    """`count` ascending dates a few days to weeks apart, the last one on `end`."""
    dates = [end]
    while len(dates) < count:
        dates.append(dates[-1] - timedelta(days=rng.randint(4, 30)))
    return dates[::-1]


def company_name(rng: random.Random, town: str, taken: set[str]) -> tuple[str, str]:
    """A company name not yet in the list, and its web domain."""
    while True:
        surname, partner = rng.sample(SURNAMES, 2)
        trade, legal = rng.choice(TRADES), rng.choice(LEGAL_FORMS)
        name, domain = rng.choice((
            (f"{surname} {trade} {legal}", f"{surname}-{trade}"),
            (f"{surname} & Söhne {legal}", f"{surname}-soehne"),
            (f"{surname} & {partner} {legal}", f"{surname}-{partner}"),
            (f"{trade} {town} {legal}", f"{trade}-{town}"),
        ))
        if name not in taken:
            taken.add(name)
            return name, domain


def make_customer(rng: random.Random, segment: str, taken: set[str]) -> Customer:
    town = rng.choice(TOWNS)
    company, domain = company_name(rng, town[1].split(" (")[0], taken)
    first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
    return Customer(
        segment=segment, company=company, contact=f"{first} {last}",
        email=spell_out_umlauts(f"{first[0]}.{last}@{domain}.de".lower()).replace(" ", "-"),
        phone=f"{town[3]} {rng.randint(200000, 9899999)}", town=town,
        owner=rng.choice(OWNERS), source=rng.choice(SOURCES),
    )


def plan_orders(rng: random.Random, count: int) -> list[date]:
    """Order dates from 2024 on, in which recency matters as it does in a real customer base:

    - a second order mostly follows the first within a few months (a first-time buyer who has not
      reordered after half a year rarely will: those stay Z2, so old first-time buyers are cold);
    - a loyal customer orders at its own rhythm (every one to four months, give or take a third);
    - a quarter of the loyal customers have gone quiet: their last order lies months back.
    """
    if not count:
        return []
    if count == 1:
        return [recent_day(rng, FIRST_ORDER_FROM, AS_OF)]
    if count == 2:
        first = recent_day(rng, FIRST_ORDER_FROM, AS_OF - timedelta(days=20))
        gap = min(int(10 + rng.expovariate(1 / 40)), (AS_OF - first).days)
        return [first, first + timedelta(days=gap)]
    rhythm = rng.randint(30, 120)
    quiet = rng.random() < 0.25
    last = AS_OF - timedelta(days=rng.randint(2 * rhythm + 30, 2 * rhythm + 300) if quiet else rng.randint(0, rhythm))
    orders = [last]
    for _ in range(count - 1):
        gap = max(7, int(rhythm * rng.uniform(0.67, 1.33)))
        orders.append(max(FIRST_ORDER_FROM, orders[-1] - timedelta(days=gap)))
    return sorted(orders)


def sales_path(rng: random.Random, first_contact: str, depth: int) -> list[str]:
    """Contact types of a sales process that gets `depth` steps past the first contact."""
    steps = (["Folgekontakt"] * rng.randint(1, 2), [rng.choice(("Termin", "Besuch"))],
             ["Nachfassen"] * rng.randint(0, 1), ["Angebot"], ["Verhandlung"] * rng.randint(0, 1))
    return [first_contact] + [kind for step in steps[:depth] for kind in step]


def first_contact(rng: random.Random, customer: Customer, cold: bool) -> str:
    """The first logged contact, often the one the lead source brings; never interest when cold."""
    if customer.source == "Messe" and rng.random() < 0.06:
        return "Messegespräch"
    kind = SOURCE_CONTACTS[customer.source] if rng.random() < 0.5 else rng.choice(COLD_CONTACTS)
    return "Erstkontakt" if cold and kind == "Anfrage" else kind


def lead_contacts(rng: random.Random, customer: Customer) -> list[tuple[date, str]]:
    """Dated contact types of an address that has not ordered: the process stops early.

    Cold addresses (Z0) never get past a follow-up; prospects (Z1) reach at least a meeting
    or have their interest noted on the address only.
    """
    cold = customer.segment == "Z0"
    if rng.random() < (0.45 if cold else 0.2):
        if not cold:
            customer.interest_since = random_day(rng, date(2024, 1, 1), AS_OF)
        return []
    depth = rng.randint(0, 1) if cold else rng.randint(2, 5)
    path = sales_path(rng, first_contact(rng, customer, cold), depth)
    contacts = list(zip(dates_up_to(rng, recent_day(rng, date(2024, 1, 1), AS_OF), len(path)), path))
    if not cold and rng.random() < 0.4:
        customer.interest_since = contacts[0][0]
    return contacts


def buyer_contacts(rng: random.Random, customer: Customer) -> list[tuple[date, str]]:
    """Dated contact types of a customer: the full process, offers before repeat orders, care calls."""
    contacts = []
    if rng.random() < 0.85:  # most first orders follow a logged offer
        path = sales_path(rng, first_contact(rng, customer, cold=False), 5)
        offer_end = customer.orders[0] - timedelta(days=rng.randint(2, 21))
        contacts = list(zip(dates_up_to(rng, offer_end, len(path)), path))
        if rng.random() < 0.25:
            customer.interest_since = contacts[0][0]
    for previous, following in zip(customer.orders, customer.orders[1:]):
        gap = (following - previous).days
        if gap > 20 and rng.random() < 0.6:
            contacts.append((following - timedelta(days=rng.randint(3, min(20, gap - 1))), "Angebot"))
        if gap > 40 and rng.random() < 0.5:
            care = previous + timedelta(days=rng.randint(7, gap // 2))
            contacts.append((care, rng.choice(CARE_CONTACTS)))
    if customer.orders[-1] + timedelta(days=7) <= AS_OF and rng.random() < 0.6:
        care = random_day(rng, customer.orders[-1] + timedelta(days=7), AS_OF)
        contacts.append((care, rng.choice(CARE_CONTACTS)))
    return sorted(contacts, key=lambda contact: contact[0])


def log_contacts(rng: random.Random, customer: Customer, contacts: list[tuple[date, str]]) -> None:
    """Add results and follow-up dates; recent last contacts usually get one, old ones rarely."""
    for index, (day, kind) in enumerate(contacts):
        result, follow_up = rng.choice(RESULTS[kind]), None
        is_last = index == len(contacts) - 1
        is_old = (AS_OF - day).days > 60
        if is_last and customer.segment in ("Z0", "Z1") and is_old and rng.random() < 0.5:
            result = rng.choice(DROPOUTS)
        elif rng.random() < ((0.2 if is_old else 0.8) if is_last else 0.3):
            follow_up = day + timedelta(days=rng.randint(5, 28))
        customer.activities.append((day, kind, result, follow_up))


def created_on(rng: random.Random, customer: Customer) -> date:
    """Entered some weeks before its first dated fact; a bare address any time since 2022."""
    facts = [day for day, *_ in customer.activities] + customer.orders
    if customer.interest_since:
        facts.append(customer.interest_since)
    first = min(facts) if facts else random_day(rng, date(2022, 1, 1), AS_OF)
    return first - timedelta(days=rng.randint(0, 120))


def plan_customers(rng: random.Random, taken: set[str]) -> list[Customer]:
    """The address list in the planned segment mix, numbered in order of creation."""
    segments = [segment for segment, count in SEGMENT_COUNTS.items() for _ in range(count)]
    rng.shuffle(segments)
    customers = []
    for segment in segments:
        customer = make_customer(rng, segment, taken)
        customer.orders = plan_orders(rng, rng.choice(ORDER_COUNTS[segment]))
        plan = buyer_contacts if customer.orders else lead_contacts
        log_contacts(rng, customer, plan(rng, customer))
        customer.created = created_on(rng, customer)
        if rng.random() < 0.12:
            customer.follow_up = random_day(rng, AS_OF - timedelta(days=60), AS_OF + timedelta(days=60))
        customers.append(customer)
    customers.sort(key=lambda customer: customer.created)
    for number, customer in enumerate(customers, FIRST_ID):
        customer.id = number
    return customers


def missing_customers(rng: random.Random, next_id: int, taken: set[str]) -> list[Customer]:
    """New customers of the last two weeks: their order is booked, their address not yet."""
    customers = []
    for number in range(next_id, next_id + MISSING_ADDRESSES):
        customer = make_customer(rng, "Z2", taken)
        customer.id, customer.orders = number, [random_day(rng, AS_OF - timedelta(days=13), AS_OF)]
        customers.append(customer)
    return customers


def order_status(rng: random.Random, day: date) -> str:
    age = (AS_OF - day).days
    if age < 21:
        return rng.choice(("offen", "offen", "geliefert"))
    if age < 45:
        return rng.choice(("geliefert", "bezahlt"))
    return "bezahlt" if rng.random() < 0.97 else "geliefert"


def order_lines(rng: random.Random) -> list[tuple[str, float]]:
    """One to three products; a third of the orders have several line items."""
    products = rng.sample(PRODUCTS, rng.choice((1, 1, 1, 1, 1, 1, 2, 2, 3)))
    return [(name, round(rng.uniform(low, high), 2)) for name, low, high in products]


def plan_order_records(rng: random.Random, customers: list[Customer]) -> list[tuple]:
    """(date, customer, status, lines) of every order, cancellation and credit note."""
    records = [(day, customer, order_status(rng, day), order_lines(rng))
               for customer in customers for day in customer.orders]
    for year in ORDER_YEARS:
        orders_of_year = [record for record in records if record[0].year == year]
        for day, customer, _, _ in rng.sample(orders_of_year, rng.randint(2, 4)):
            # a further order of the same customer that was cancelled again
            records.append((later(rng, day), customer, "storniert", order_lines(rng)))
        day, customer, _, lines = rng.choice(orders_of_year)
        refund = -round(sum(amount for _, amount in lines) * rng.uniform(0.05, 0.2), 2)
        records.append((later(rng, day), customer, "bezahlt", [("Gutschrift Reklamation", refund)]))
    return sorted(records, key=lambda record: (record[0], record[1].id))


def later(rng: random.Random, day: date) -> date:
    return min(AS_OF, day + timedelta(days=rng.randint(10, 40)))


def german_amount(amount: float) -> str:
    return f"{amount:,.2f} €".replace(",", "_").replace(".", ",").replace("_", ".")


def order_rows(rng: random.Random, records: list[tuple], year: int) -> list[list]:
    """The rows of one year's workbook; a few dates and amounts typed in as text."""
    rows = []
    for number, (day, customer, status, lines) in enumerate(
            [record for record in records if record[0].year == year], 1):
        for product, amount in lines:
            rows.append([f"A-{year}-{number:04d}", day, customer.id, customer.company, product,
                         amount, status, customer.owner])
    for row in rng.sample([row for row in rows if row[5] > 0], 4):
        row[1], row[5] = row[1].strftime("%d.%m.%Y"), german_amount(row[5])
    return rows


def address_rows(customers: list[Customer]) -> list[list]:
    return [[c.id, c.company, c.contact, c.email, c.phone, c.town[0], c.town[1], c.town[2], c.owner,
             c.source, c.created, c.interest_since, c.follow_up] for c in customers]


def contact_rows(customers: list[Customer]) -> list[list]:
    rows = [[c.id, day, kind, result, c.owner, follow_up]
            for c in customers for day, kind, result, follow_up in c.activities]
    return sorted(rows, key=lambda row: row[1])  # a log grows by date


def segment_on(customer: Customer, day: date) -> str:
    orders = sum(order <= day for order in customer.orders)
    if orders:
        return ("Z2", "Z3", "Z4")[min(orders, 3) - 1]
    interested = (customer.interest_since and customer.interest_since <= day) or any(
        when <= day and kind in INTEREST_TYPES for when, kind, *_ in customer.activities)
    return "Z1" if interested else "Z0"


def mailing_rows(rng: random.Random, customers: list[Customer]) -> list[list]:
    """Recipients across all segments, each segment responding at its rate.

    A response is 'ja' or, now and then, the date it came in.
    """
    recipients = rng.sample([c for c in customers if c.created < MAILING_DATE], MAILING_SIZE)
    responders = set()
    for segment, rate in RESPONSE_RATES.items():
        group = [c.id for c in recipients if segment_on(c, MAILING_DATE - timedelta(days=1)) == segment]
        responders.update(rng.sample(group, round(rate * len(group))))
    rows = []
    for customer_id in sorted(c.id for c in recipients):
        reaction = "nein"
        if customer_id in responders:
            reaction = "ja" if rng.random() < 0.7 else MAILING_DATE + timedelta(days=rng.randint(2, 20))
        rows.append([customer_id, MAILING_DATE, reaction])
    return rows


