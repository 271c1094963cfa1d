/*
 * keel/fwban.h - the one nf_tables message that bans (or unbans) an
 * address: an element of set banned4/banned6 in table `inet keel`, which
 * keel-fw creates and whose drop rules it owns. Shared by keel-fw (`keel-fw
 * ban`) and logd (SSH brute-force bans), so both name the same objects.
 */
#ifndef KEEL_FWBAN_H
#define KEEL_FWBAN_H

#include <stdint.h>

#include "keel/nlmsg.h"

#define FWBAN_TABLE	"keel"
#define FWBAN_SET4	"banned4"
#define FWBAN_SET6	"banned6"

/*
 * Appends NEWSETELEM (or DELSETELEM with del) of addr (family AF_INET: the
 * first 4 bytes; AF_INET6: 16) with seq and NLM_F_ACK. timeout_ms 0 means
 * the set's default; the kernel expires the element by itself. Returns 0,
 * or -1 for an unknown family. Check nlb_ok() for overflow.
 */
int fwban_elem(struct nlbuf *b, uint32_t seq, int family,
	       const uint8_t addr[16], uint64_t timeout_ms, int del);

/* A whole batch (begin, the element, end) on seq, seq+1, seq+2: what a
 * daemon sends. Returns 0, or -1 if it did not fit or family is unknown. */
int fwban_batch(struct nlbuf *b, uint32_t seq, int family,
		const uint8_t addr[16], uint64_t timeout_ms, int del);

#endif /* KEEL_FWBAN_H */
