#!/usr/bin/python3
"""Reads an iCalendar file with Debian's python3-icalendar and prints its
events as JSON, for tests/test-cli-protection.c to check.

Before parsing, the raw file is checked against RFC 5545 3.1: every line
ends with CRLF and is at most 75 octets long. Exits 1 when it is not, or
when the parser refuses the file."""
import json
import sys

from icalendar import Calendar


def main():
    raw = open(sys.argv[1], 'rb').read()
    if not raw.endswith(b'\r\n'):
        sys.exit('the file does not end with CRLF')
    for number, line in enumerate(raw[:-2].split(b'\r\n'), 1):
        if b'\n' in line or b'\r' in line:
            sys.exit('line %d holds a bare line break' % number)
        if len(line) > 75:
            sys.exit('line %d is %d octets long' % (number, len(line)))
    calendar = Calendar.from_ical(raw)
    events = []
    for event in calendar.walk('VEVENT'):
        events.append({
            'uid': str(event['UID']),
            'status': str(event.get('STATUS')),
            'summary': str(event.get('SUMMARY')),
            'start': event.decoded('DTSTART').isoformat(),
            'end': event.decoded('DTEND').isoformat(),
            'sequence': int(event.get('SEQUENCE', 0)),
            'location': str(event['LOCATION']) if 'LOCATION' in event else None,
            'description': (str(event['DESCRIPTION'])
                            if 'DESCRIPTION' in event else None),
        })
    print(json.dumps({'prodid': str(calendar['PRODID']), 'events': events}))


main()
