/*
 * keel_relro.c - make the RELRO segment read-only once relocations are done.
 *
 * A dynamic loader does this for -z relro; a static program has none, and
 * musl's static start code (rcrt1.o for static-PIE) applies the relative
 * relocations but leaves PT_GNU_RELRO writable, so the GOT, .init_array,
 * .fini_array and relocated const pointers stay targets for a memory bug.
 * The compiler wrapper links this into every target program (keel.specs);
 * constructors run after rcrt1.o has relocated, and nothing writes RELRO
 * afterwards.
 */
#include <elf.h>
#include <link.h>
#include <stdint.h>
#include <sys/auxv.h>
#include <sys/mman.h>

extern const char __ehdr_start[];	/* the ELF header, as linked (GNU ld) */

__attribute__((constructor)) static void keel_relro(void)
{
	const ElfW(Phdr) *ph = (const ElfW(Phdr) *)getauxval(AT_PHDR);
	size_t n = getauxval(AT_PHNUM), page = getauxval(AT_PAGESZ), i;
	uintptr_t base = (uintptr_t)__ehdr_start, start, end;

	if (!ph || !page)
		return;
	/* The load bias: where the header is, less where it was linked. */
	for (i = 0; i < n; i++)
		if (ph[i].p_type == PT_LOAD && ph[i].p_offset == 0) {
			base -= ph[i].p_vaddr;
			break;
		}
	for (i = 0; i < n; i++) {
		if (ph[i].p_type != PT_GNU_RELRO)
			continue;
		/* As dynamic loaders do: both ends rounded down. ld puts
		 * RELRO first in its writable segment, so the page it starts
		 * in holds nothing written later, and pads its end to a page
		 * so the data after it stays writable. */
		start = (base + ph[i].p_vaddr) & ~(uintptr_t)(page - 1);
		end = (base + ph[i].p_vaddr + ph[i].p_memsz) & ~(uintptr_t)(page - 1);
		if (end > start)
			mprotect((void *)start, end - start, PROT_READ);
	}
}
