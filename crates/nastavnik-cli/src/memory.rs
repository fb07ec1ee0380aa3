//! A ceiling on the memory a run holds while it runs templates from a
//! user's folder (`--templates`). minijinja bounds a template's steps (fuel),
//! recursion and output, but not what a value grows to: a string doubled in
//! a loop (`{% set s = s ~ s %}`) would take the machine's memory. With the
//! ceiling on, every allocation is counted, and a run that passes the ceiling
//! stops at once with a Russian message and exit code 1 — before the
//! document it was making is written, as templates run before any output of
//! that document is opened.
//!
//! Off (the default, embedded templates), the allocator adds one relaxed
//! load per allocation.
//!
//! Under the counting is mimalloc, not the C library's allocator: Typst's
//! layout allocates in many small pieces, and a region's bundle is about a
//! tenth faster on it (`nastavnik-bench throughput`).

use std::alloc::{GlobalAlloc, Layout};
use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering::Relaxed};

use mimalloc::MiMalloc as Inner;

/// mimalloc, counting while the ceiling is on.
pub struct Counted;

static ON: AtomicBool = AtomicBool::new(false);
static HELD: AtomicIsize = AtomicIsize::new(0);
static CEILING: AtomicIsize = AtomicIsize::new(isize::MAX);

/// The default ceiling: twice what a school at the documented limits
/// takes to render (under 1 GiB).
pub const DEFAULT_CEILING_MIB: isize = 2 * 1024;

/// Turns the ceiling on: `NASTAVNIK_MEMORY_CEILING_MIB` if set to a number,
/// else [`DEFAULT_CEILING_MIB`].
pub fn limit_for_user_templates() {
    let mib = std::env::var("NASTAVNIK_MEMORY_CEILING_MIB")
        .ok()
        .and_then(|v| v.trim().parse::<isize>().ok())
        .filter(|&m| m > 0)
        .unwrap_or(DEFAULT_CEILING_MIB);
    CEILING.store(mib.saturating_mul(1024 * 1024), Relaxed);
    ON.store(true, Relaxed);
}

fn charge(bytes: isize) {
    let held = HELD.fetch_add(bytes, Relaxed).saturating_add(bytes);
    if bytes > 0 && held > CEILING.load(Relaxed) {
        over();
    }
}

#[cold]
fn over() -> ! {
    ON.store(false, Relaxed);
    let mib = CEILING.load(Relaxed) / (1024 * 1024);
    let _ = writeln!(
        std::io::stderr(),
        "ошибка шаблона: шаблоны из каталога --templates заняли больше {mib} МиБ памяти \
         (значение, растущее в цикле, например строка, удваиваемая через ~?); работа остановлена"
    );
    std::process::exit(1)
}

// SAFETY: every call goes to mimalloc with the caller's own arguments; the
// counting touches only atomics.
unsafe impl GlobalAlloc for Counted {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if ON.load(Relaxed) {
            charge(layout.size() as isize);
        }
        // SAFETY: the caller's layout, passed on.
        unsafe { Inner.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if ON.load(Relaxed) {
            charge(layout.size() as isize);
        }
        // SAFETY: the caller's layout, passed on.
        unsafe { Inner.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if ON.load(Relaxed) {
            HELD.fetch_sub(layout.size() as isize, Relaxed);
        }
        // SAFETY: the caller's pointer and layout, passed on.
        unsafe { Inner.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if ON.load(Relaxed) {
            charge(new_size as isize - layout.size() as isize);
        }
        // SAFETY: the caller's pointer, layout and size, passed on.
        unsafe { Inner.realloc(ptr, layout, new_size) }
    }
}
