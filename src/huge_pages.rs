//! The command line's allocator (a module of the binary, not of the library): the system's,
//! except that on Linux a block of 2 MiB or more gets a mapping of its own, in whole 2 MiB
//! pages, marked for transparent huge pages.
//!
//! A large table's document is a few dozen megabytes in a handful of large blocks (the
//! source, the lines, the packed cells, the figures, the relations' verdicts). Touched
//! 4 KiB at a time they cost ≈ 10,000 page faults on a 4 MB table and a quarter of the
//! command line's CPU time in the kernel; in 2 MiB pages the faults are ≈ 4,000 (the rest are the
//! small blocks, left to the system allocator, which reuses what it frees), and a large
//! block grows inside its last huge page without moving, or is moved by the kernel
//! without copying (`mremap`). Most systems leave huge pages to the
//! programs that ask for them (`/sys/kernel/mm/transparent_hugepage/enabled` = `madvise`),
//! and glibc's malloc asks only when told to by an environment variable. Where the kernel
//! has none to give, the advice is ignored and the block is an ordinary mapping.

use std::alloc::{GlobalAlloc, Layout, System};

/// A huge page, and the smallest block given a mapping of its own. Smaller ones would be
/// zeroed a whole huge page at a time, and lose the system allocator's reuse of the blocks
/// of a few hundred KiB that are filled and freed (a chunk of rows read on the second
/// thread): measured at 256 KiB, more time in the kernel (zeroing) or more faults.
#[cfg(target_os = "linux")]
const HUGE: usize = 2 << 20;

/// The allocator (see the module's documentation).
pub struct HugePages;

#[cfg(target_os = "linux")]
fn own(layout: Layout) -> bool {
    // mmap's blocks are page-aligned: a larger alignment goes to the system allocator
    layout.size() >= HUGE && layout.align() <= 4096
}

/// A large block's mapped length: whole huge pages, so that its last part is not left to
/// small pages (Linux 6.7 and later place an anonymous mapping of a whole number of huge
/// pages on a huge page's boundary, and `mremap` keeps it there; earlier kernels may not,
/// and then only the pages wholly inside it are huge).
#[cfg(target_os = "linux")]
fn mapped(size: usize) -> usize {
    size.div_ceil(HUGE) * HUGE
}

#[cfg(target_os = "linux")]
unsafe fn map(size: usize) -> *mut u8 {
    let size = mapped(size);
    // SAFETY: a fresh private anonymous mapping; no existing memory is touched
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            size,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        return std::ptr::null_mut();
    }
    // advice only: its failure leaves an ordinary mapping
    // SAFETY: `p` is the mapping just made, `size` its length
    unsafe { libc::madvise(p, size, libc::MADV_HUGEPAGE) };
    p.cast()
}

// SAFETY: every block is either the system allocator's (below the threshold, or of a large
// alignment) or a mapping of its layout's size in whole huge pages (`mapped`); `own` tells
// which from the layout alone, which `GlobalAlloc` guarantees is the same at allocation and release.
#[cfg(target_os = "linux")]
unsafe impl GlobalAlloc for HugePages {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if own(layout) {
            // SAFETY: see `map`
            unsafe { map(layout.size()) }
        } else {
            // SAFETY: the caller's guarantees, passed on
            unsafe { System.alloc(layout) }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if own(layout) {
            // a fresh anonymous mapping reads as zeros
            // SAFETY: see `map`
            unsafe { map(layout.size()) }
        } else {
            // SAFETY: the caller's guarantees, passed on
            unsafe { System.alloc_zeroed(layout) }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if own(layout) {
            // SAFETY: `ptr` is a mapping of `mapped(layout.size())` bytes made by `map`
            unsafe { libc::munmap(ptr.cast(), mapped(layout.size())) };
        } else {
            // SAFETY: the caller's guarantees, passed on
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `realloc`'s contract: the alignment is unchanged and valid
        let new = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        match (own(layout), own(new)) {
            (false, false) => {
                // SAFETY: the caller's guarantees, passed on
                unsafe { System.realloc(ptr, layout, new_size) }
            }
            (true, true) if mapped(layout.size()) == mapped(new_size) => ptr,
            (true, true) => {
                // the kernel moves the pages (and their advice) without copying them
                // SAFETY: `ptr` is a mapping of `mapped(layout.size())` bytes made by `map`
                let p = unsafe {
                    libc::mremap(
                        ptr.cast(),
                        mapped(layout.size()),
                        mapped(new_size),
                        libc::MREMAP_MAYMOVE,
                    )
                };
                if p == libc::MAP_FAILED {
                    std::ptr::null_mut()
                } else {
                    p.cast()
                }
            }
            _ => {
                // across the threshold: a new block, the contents copied, the old one freed
                // SAFETY: `new` has a non-zero size (the caller's guarantee)
                let p = unsafe { self.alloc(new) };
                if !p.is_null() {
                    // SAFETY: both blocks hold at least the smaller size and do not overlap
                    unsafe {
                        std::ptr::copy_nonoverlapping(ptr, p, layout.size().min(new_size));
                        self.dealloc(ptr, layout);
                    }
                }
                p
            }
        }
    }
}

// elsewhere the system allocator as it is
// SAFETY: every call is passed on unchanged
#[cfg(not(target_os = "linux"))]
unsafe impl GlobalAlloc for HugePages {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    fn layout(size: usize) -> Layout {
        Layout::from_size_align(size, 8).unwrap_or(Layout::new::<u64>())
    }

    /// Every byte of `len` at `p` is `byte`.
    fn all(p: *const u8, len: usize, byte: u8) -> bool {
        // SAFETY: the callers pass blocks of at least `len` bytes
        unsafe { std::slice::from_raw_parts(p, len) }
            .iter()
            .all(|&b| b == byte)
    }

    /// The flags of the mapping holding `p` (`/proc/self/smaps`' `VmFlags`).
    fn flags(p: *const u8) -> String {
        let smaps = std::fs::read_to_string("/proc/self/smaps").unwrap_or_default();
        let at = p as usize;
        let mut inside = false;
        for line in smaps.lines() {
            let range = line.split_whitespace().next().unwrap_or("");
            if let Some((a, b)) = range.split_once('-') {
                if let (Ok(a), Ok(b)) = (usize::from_str_radix(a, 16), usize::from_str_radix(b, 16))
                {
                    inside = a <= at && at < b;
                    continue;
                }
            }
            if inside {
                if let Some(f) = line.strip_prefix("VmFlags:") {
                    return f.to_string();
                }
            }
        }
        String::new()
    }

    #[test]
    fn a_large_block_is_its_own_mapping_advised_for_huge_pages() {
        let a = HugePages;
        let l = layout(3 << 20);
        // SAFETY: a non-zero size; freed with the same layout
        unsafe {
            let p = a.alloc_zeroed(l);
            assert!(!p.is_null());
            assert!(all(p, l.size(), 0));
            assert!(
                flags(p).split_whitespace().any(|f| f == "hg"),
                "MADV_HUGEPAGE set: {}",
                flags(p)
            );
            a.dealloc(p, l);
            // a small block stays the system allocator's (no advice on it)
            let s = a.alloc(layout(1000));
            assert!(!flags(s).split_whitespace().any(|f| f == "hg"));
            a.dealloc(s, layout(1000));
        }
    }

    #[test]
    fn a_block_keeps_its_contents_as_it_grows_and_shrinks_across_every_size() {
        let a = HugePages;
        // SAFETY: each block is written within its size and released with its layout
        unsafe {
            // small (system) → own mapping → within the same huge page → past it → small
            let mut size = 1000;
            let p = a.alloc(layout(size));
            assert!(!p.is_null());
            p.write_bytes(7, size);
            let mut p = p;
            for next in [
                300 << 10,
                1 << 20,
                3 << 20,
                4 << 20,
                9 << 20,
                400 << 10,
                2000,
            ] {
                let q = a.realloc(p, layout(size), next);
                assert!(!q.is_null());
                assert!(all(q, size.min(next), 7), "{size} → {next}");
                if (size, next) == (3 << 20, 4 << 20) {
                    assert_eq!(q, p, "grown inside its last huge page, not moved");
                }
                q.write_bytes(7, next);
                (p, size) = (q, next);
            }
            a.dealloc(p, layout(size));
        }
    }
}
