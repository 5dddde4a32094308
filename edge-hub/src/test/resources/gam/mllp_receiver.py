#!/usr/bin/python3
"""A GAM for Vigie's tests, written with another HL7 implementation than the hub's: Debian's python3-hl7.

It listens for MLLP (hl7.mllp), parses every message with hl7.parse, writes what it read of it as one JSON
line (MSH, PID-3/5/7/8/11/32, MRG-1) to --out, and answers an HL7 acknowledgement built by hl7's create_ack:
AA, or AE (with a text in MSA-3 and an ERR segment) when a file refuse-<key> exists in --rules, the key being the
record id in PID-3 (type PI) or the birth name in PID-5 (type L); the file is then removed, so the next attempt
is accepted. It prints
"READY <port>" once listening. Used by GamFeedIT; installed by ./vigie test (Debian package python3-hl7).
"""
import argparse
import asyncio
import json
import os
import sys

import hl7
import hl7.mllp


def value(msg, segment, field, rep=1, comp=1, sub=1):
    try:
        return msg.extract_field(segment, 1, field, rep, comp, sub) or ''
    except (IndexError, KeyError, AttributeError):
        return ''


def repetitions(msg, segment, field):
    try:
        seg = msg.segment(segment)
    except KeyError:
        return 0
    if len(seg) <= field or str(seg[field]) == '':
        return 0
    return len(seg[field])


def identifiers(msg, segment, field):
    return [{'id': value(msg, segment, field, r, 1), 'namespace': value(msg, segment, field, r, 4, 1),
             'oid': value(msg, segment, field, r, 4, 2), 'oidType': value(msg, segment, field, r, 4, 3),
             'type': value(msg, segment, field, r, 5)} for r in range(1, repetitions(msg, segment, field) + 1)]


def describe(msg):
    names = [{'family': value(msg, 'PID', 5, r, 1), 'given': value(msg, 'PID', 5, r, 2),
              'further': value(msg, 'PID', 5, r, 3), 'type': value(msg, 'PID', 5, r, 7)}
             for r in range(1, repetitions(msg, 'PID', 5) + 1)]
    places = [{'type': value(msg, 'PID', 11, r, 7), 'insee': value(msg, 'PID', 11, r, 9)}
              for r in range(1, repetitions(msg, 'PID', 11) + 1)]
    return {
        'controlId': value(msg, 'MSH', 10),
        'type': value(msg, 'MSH', 9, 1, 1), 'event': value(msg, 'MSH', 9, 1, 2),
        'structure': value(msg, 'MSH', 9, 1, 3),
        'version': str(msg.segment('MSH')[12]),
        'profile': str(msg.segment('MSH')[21]) if len(msg.segment('MSH')) > 21 else '',
        'sendingApplication': value(msg, 'MSH', 3), 'receivingApplication': value(msg, 'MSH', 5),
        'pid3': identifiers(msg, 'PID', 3), 'pid5': names, 'pid7': value(msg, 'PID', 7),
        'pid8': value(msg, 'PID', 8), 'pid11': places,
        'pid32': [value(msg, 'PID', 32, r) for r in range(1, repetitions(msg, 'PID', 32) + 1)],
        'mrg1': identifiers(msg, 'MRG', 1),
    }


class Receiver:
    def __init__(self, out, rules):
        self.out = out
        self.rules = rules

    def refusal(self, message):
        keys = [pid3['id'] for pid3 in message['pid3'] if pid3['type'] == 'PI']
        keys += [name['family'] for name in message['pid5'] if name['type'] == 'L']
        for key in keys:
            rule = os.path.join(self.rules, 'refuse-' + key)
            if os.path.exists(rule):
                with open(rule, encoding='utf-8') as f:
                    text = f.read().strip()
                os.remove(rule)
                return text or 'refused by the test GAM'
        return None

    async def serve(self, reader, writer):
        try:
            while not reader.at_eof():
                msg = await reader.readmessage()
                message = describe(msg)
                refusal = self.refusal(message)
                ack = msg.create_ack('AE' if refusal else 'AA', application='GAM')
                if refusal:
                    ack = hl7.parse(str(ack).rstrip('\r') + '|' + refusal + '\rERR||||E||||' + refusal)
                message['answer'] = 'AE' if refusal else 'AA'
                with open(self.out, 'a', encoding='utf-8') as f:
                    f.write(json.dumps(message, ensure_ascii=False) + '\n')
                    f.flush()
                    os.fsync(f.fileno())
                writer.writemessage(ack)
                await writer.drain()
        except asyncio.IncompleteReadError:
            pass  # the hub closed the connection
        finally:
            writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--port', type=int, required=True)
    parser.add_argument('--out', required=True)
    parser.add_argument('--rules', required=True)
    args = parser.parse_args()
    receiver = Receiver(args.out, args.rules)
    server = await hl7.mllp.start_hl7_server(receiver.serve, '127.0.0.1', args.port, encoding='utf-8')
    print('READY', server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if __name__ == '__main__':
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
