/*
 * seccomp_eval.h - runs a seccomp BPF program in user space, so unit tests
 * can ask what a generated filter does with a given call instead of only
 * checking its shape. Covers the classic-BPF subset a seccomp filter uses:
 * 32-bit absolute loads from struct seccomp_data, conditional jumps against
 * a constant, and returns. Anything else fails the test (returns
 * SECCOMP_EVAL_BAD), as does a jump out of the program or falling off its
 * end: the kernel's verifier would reject those too.
 */
#ifndef KEEL_SECCOMP_EVAL_H
#define KEEL_SECCOMP_EVAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#define SECCOMP_EVAL_BAD 0xdeadbeefu

static inline uint32_t seccomp_eval(const struct sock_filter *prog, size_t len,
				    const struct seccomp_data *data)
{
	uint32_t acc = 0;

	for (size_t pc = 0; pc < len; pc++) {
		const struct sock_filter *in = &prog[pc];
		int taken;

		switch (in->code) {
		case BPF_LD | BPF_W | BPF_ABS:
			if (in->k % 4 || in->k + 4 > sizeof(*data))
				return SECCOMP_EVAL_BAD;
			memcpy(&acc, (const uint8_t *)data + in->k, 4);
			continue;
		case BPF_RET | BPF_K:
			return in->k;
		case BPF_JMP | BPF_JA:
			pc += in->k;
			continue;
		case BPF_JMP | BPF_JEQ | BPF_K:
			taken = acc == in->k;
			break;
		case BPF_JMP | BPF_JGE | BPF_K:
			taken = acc >= in->k;
			break;
		case BPF_JMP | BPF_JGT | BPF_K:
			taken = acc > in->k;
			break;
		case BPF_JMP | BPF_JSET | BPF_K:
			taken = (acc & in->k) != 0;
			break;
		default:
			return SECCOMP_EVAL_BAD;
		}
		pc += taken ? in->jt : in->jf;
		if (pc + 1 >= len)
			return SECCOMP_EVAL_BAD;
	}
	return SECCOMP_EVAL_BAD;
}

/* The verdict of prog on syscall nr of architecture arch, no arguments. */
static inline uint32_t seccomp_eval_nr(const struct sock_filter *prog,
				       size_t len, uint32_t arch, uint32_t nr)
{
	struct seccomp_data data = { .nr = (int)nr, .arch = arch };

	return seccomp_eval(prog, len, &data);
}

#endif /* KEEL_SECCOMP_EVAL_H */
