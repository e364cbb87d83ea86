//! A process-wide clock kept current by a background thread, for servers that render many
//! errors: reading it is one atomic load, where the system clock costs a `clock_gettime`
//! (about 30 ns here, twice the time of rendering a static envelope).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::{Clock, Timestamp};

/// The current millisecond since the Unix epoch, or 0 while no ticker runs.
static NOW_MILLIS: AtomicU64 = AtomicU64::new(0);
/// Whether the ticker thread was started (`Some(true)`) or could not be (`Some(false)`).
static STARTED: OnceLock<bool> = OnceLock::new();

/// A clock that reads the current millisecond from memory, kept current by one background
/// thread that wakes at every millisecond boundary.
///
/// [`TickingClock::start`] starts that thread (once per process; later calls return at
/// once). From then on [`RenderContext::now`](crate::RenderContext::now) reads this clock too,
/// so a service that calls `start()` at startup makes every error it renders cheaper. The
/// timestamp it gives is the millisecond the thread last wrote: never ahead of the system
/// clock, and behind it by at most the thread's wake-up delay (typically well under a
/// millisecond). Until the thread runs (or if it could not be spawned), it reads the system
/// clock.
///
/// ```
/// use error_core::{Clock, RenderContext, TickingClock};
///
/// let clock = TickingClock::start();
/// assert!(TickingClock::is_running());
/// let before = std::time::SystemTime::now();
/// let rendered = std::time::SystemTime::from(RenderContext::now().timestamp());
/// let read = std::time::SystemTime::from(clock.now());
/// // Within a few milliseconds of the system clock, and never ahead of it.
/// let lag = before.duration_since(rendered).unwrap_or_default();
/// assert!(lag < std::time::Duration::from_millis(50), "{lag:?}");
/// assert!(read <= std::time::SystemTime::now());
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct TickingClock;

impl TickingClock {
    /// Starts the ticker thread if it is not running yet, and returns the clock.
    pub fn start() -> TickingClock {
        STARTED.get_or_init(|| {
            NOW_MILLIS.store(system_millis(), Ordering::Relaxed);
            let spawned = std::thread::Builder::new()
                .name("error-core-clock".into())
                .spawn(tick);
            if spawned.is_err() {
                // No thread: readers fall back to the system clock.
                NOW_MILLIS.store(0, Ordering::Relaxed);
            }
            spawned.is_ok()
        });
        TickingClock
    }

    /// Whether the ticker thread runs (after a successful [`start`](TickingClock::start)).
    pub fn is_running() -> bool {
        STARTED.get().copied().unwrap_or(false)
    }
}

impl Clock for TickingClock {
    #[inline]
    fn now(&self) -> Timestamp {
        cached().unwrap_or_else(Timestamp::now)
    }
}

/// The ticker's millisecond, if it runs.
#[inline]
pub(crate) fn cached() -> Option<Timestamp> {
    match NOW_MILLIS.load(Ordering::Relaxed) {
        0 => None,
        millis => Some(Timestamp::from_unix_millis(millis)),
    }
}

fn system_millis() -> u64 {
    Timestamp::from(SystemTime::now()).unix_millis()
}

fn tick() {
    loop {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or(Duration::ZERO);
        let millis = now
            .as_secs()
            .saturating_mul(1000)
            .saturating_add(u64::from(now.subsec_millis()));
        // 0 means "not running"; the epoch itself is never a real reading here.
        NOW_MILLIS.store(millis.max(1), Ordering::Relaxed);
        // Sleep to just past the next millisecond boundary.
        let into = now.subsec_micros() % 1000;
        std::thread::sleep(Duration::from_micros(u64::from(1000 - into) + 20));
    }
}
