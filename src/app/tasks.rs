//! Background work: each task runs on its own thread, reports progress
//! through shared state, can be cancelled, and sends one result back. The UI
//! thread polls the list every frame.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// How far a task has got.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaskProgress {
    /// Units done.
    pub done: usize,
    /// Units in all (0 when not known yet).
    pub total: usize,
    /// What is being worked on.
    pub current: String,
}

/// What a running task gets: its cancel flag and a way to report progress.
#[derive(Clone)]
pub struct TaskContext {
    cancel: Arc<AtomicBool>,
    progress: Arc<Mutex<TaskProgress>>,
    repaint: Option<egui::Context>,
}

impl TaskContext {
    /// True once the user pressed Cancel.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The cancel flag, for core functions that take one.
    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.cancel
    }

    /// Reports progress and wakes the UI.
    pub fn report(&self, progress: TaskProgress) {
        match self.progress.lock() {
            Ok(mut p) => *p = progress,
            Err(poisoned) => *poisoned.into_inner() = progress,
        }
        if let Some(ctx) = &self.repaint {
            ctx.request_repaint();
        }
    }
}

/// One running task.
pub struct Task<T> {
    /// What it does ("Importing 2,000 files").
    pub label: String,
    /// Whether it offers a Cancel button.
    pub cancellable: bool,
    /// When it started.
    pub started: Instant,
    context: TaskContext,
    rx: Receiver<anyhow::Result<T>>,
}

impl<T> Task<T> {
    /// Its progress now.
    pub fn progress(&self) -> TaskProgress {
        match self.context.progress.lock() {
            Ok(p) => p.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Asks it to stop.
    pub fn cancel(&self) {
        self.context.cancel.store(true, Ordering::Relaxed);
    }

    /// True once Cancel was pressed.
    pub fn is_cancelling(&self) -> bool {
        self.context.cancelled()
    }
}

/// A finished task: its label and result.
pub struct Finished<T> {
    /// The task's label.
    pub label: String,
    /// What it produced, or why it failed.
    pub result: anyhow::Result<T>,
}

/// The running tasks.
pub struct Tasks<T> {
    list: Vec<Task<T>>,
}

impl<T> Default for Tasks<T> {
    fn default() -> Self {
        Self { list: Vec::new() }
    }
}

impl<T: Send + 'static> Tasks<T> {
    /// Starts `work` on a new thread. `repaint` is woken on progress and at
    /// the end (None in tests that poll by hand).
    pub fn spawn(
        &mut self,
        label: impl Into<String>,
        cancellable: bool,
        repaint: Option<egui::Context>,
        work: impl FnOnce(&TaskContext) -> anyhow::Result<T> + Send + 'static,
    ) {
        let label = label.into();
        let (tx, rx) = std::sync::mpsc::channel();
        let context = TaskContext {
            cancel: Arc::new(AtomicBool::new(false)),
            progress: Arc::new(Mutex::new(TaskProgress::default())),
            repaint,
        };
        let worker = context.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("samachar: {label}"))
            .spawn(move || {
                let result = work(&worker);
                // The receiver is gone only when the app is closing.
                let _ = tx.send(result);
                if let Some(ctx) = &worker.repaint {
                    ctx.request_repaint();
                }
            });
        match spawned {
            Ok(_) => self.list.push(Task {
                label,
                cancellable,
                started: Instant::now(),
                context,
                rx,
            }),
            Err(e) => {
                let (tx, rx) = std::sync::mpsc::channel();
                let _ = tx.send(Err(anyhow::anyhow!("could not start a thread: {e}")));
                self.list.push(Task {
                    label,
                    cancellable: false,
                    started: Instant::now(),
                    context,
                    rx,
                });
            }
        }
    }

    /// Takes the results of the tasks that finished since the last call.
    pub fn poll(&mut self) -> Vec<Finished<T>> {
        let mut finished = Vec::new();
        self.list.retain(|task| match task.rx.try_recv() {
            Ok(result) => {
                finished.push(Finished {
                    label: task.label.clone(),
                    result,
                });
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => {
                finished.push(Finished {
                    label: task.label.clone(),
                    result: Err(anyhow::anyhow!("{} stopped unexpectedly", task.label)),
                });
                false
            }
        });
        finished
    }

    /// The running tasks.
    pub fn running(&self) -> &[Task<T>] {
        &self.list
    }

    /// True while any task runs.
    pub fn is_busy(&self) -> bool {
        !self.list.is_empty()
    }

    /// Asks every cancellable task to stop.
    pub fn cancel_all(&self) {
        for task in self.list.iter().filter(|t| t.cancellable) {
            task.cancel();
        }
    }

    /// Draws one line per task: spinner or progress bar, current file, Cancel.
    pub fn ui(&self, ui: &mut egui::Ui) {
        for task in &self.list {
            let p = task.progress();
            ui.horizontal(|ui| {
                if p.total > 0 {
                    let fraction = p.done as f32 / p.total as f32;
                    ui.add(
                        egui::ProgressBar::new(fraction)
                            .desired_width(220.0)
                            .text(format!("{} of {} files", p.done, p.total)),
                    );
                } else {
                    ui.spinner();
                }
                ui.label(&task.label);
                if !p.current.is_empty() {
                    ui.weak(short_path(&p.current));
                }
                if task.cancellable {
                    let cancel = ui.add_enabled(
                        !task.is_cancelling(),
                        egui::Button::new(if task.is_cancelling() {
                            "Cancelling…"
                        } else {
                            "Cancel"
                        }),
                    );
                    if cancel.clicked() {
                        task.cancel();
                    }
                }
            });
        }
    }
}

/// The last two components of a path, for a status line.
pub fn short_path(path: &str) -> String {
    let parts: Vec<&str> = path.rsplit(['/', '\\']).take(2).collect();
    parts.into_iter().rev().collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait<T: Send + 'static>(tasks: &mut Tasks<T>) -> Vec<Finished<T>> {
        for _ in 0..500 {
            let done = tasks.poll();
            if !done.is_empty() {
                return done;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        Vec::new()
    }

    #[test]
    fn task_reports_result_and_progress() {
        let mut tasks: Tasks<usize> = Tasks::default();
        tasks.spawn("count", true, None, |cx| {
            cx.report(TaskProgress {
                done: 1,
                total: 2,
                current: "a.txt".into(),
            });
            Ok(42)
        });
        assert!(tasks.is_busy());
        let done = wait(&mut tasks);
        assert_eq!(done.len(), 1);
        assert_eq!(done[0].result.as_ref().ok(), Some(&42));
        assert!(!tasks.is_busy());
    }

    #[test]
    fn cancel_reaches_the_worker() {
        let mut tasks: Tasks<bool> = Tasks::default();
        tasks.spawn("wait", true, None, |cx| {
            for _ in 0..1000 {
                if cx.cancelled() {
                    return Ok(true);
                }
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            Ok(false)
        });
        tasks.cancel_all();
        let done = wait(&mut tasks);
        assert_eq!(done[0].result.as_ref().ok(), Some(&true));
    }

    #[test]
    fn short_paths() {
        assert_eq!(short_path("/a/b/c.txt"), "b/c.txt");
        assert_eq!(short_path("c.txt"), "c.txt");
    }
}
