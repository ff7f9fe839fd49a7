//! The command line: every subcommand is a thin layer over `samachar-core`.
//!
//! Exit status: 0 when everything went well, 1 when some input failed (each
//! failure is printed on stderr and, for `analyze`, listed in `errors`), 2 for
//! bad usage (clap's own errors use 2 as well).

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use samachar_core::chart::{self, ChartKind, Table, TableFormat};
use samachar_core::model::{CorpusAnalysis, LoadError};
use samachar_core::store::{Edit, Project};
use samachar_core::{Article, corpus_analysis};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

/// Samachar: entities, figures and facts from news about regional industry.
///
/// With no subcommand, opens the desktop app.
#[derive(Debug, Parser)]
#[command(name = "samachar", version, about, long_about = None, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; none opens the app.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Project file to open in the app (default: the last one, or the bundled seeds).
    #[arg(long = "project", value_name = "FILE")]
    pub project_flag: Option<PathBuf>,
    /// The same, as a plain argument (`samachar my.samachar`, as a file manager passes it).
    #[arg(value_name = "PROJECT", value_parser = project_path)]
    pub project: Option<PathBuf>,
}

/// Accepts only a `.samachar` file as the plain argument, so that a mistyped
/// subcommand is a usage error rather than a project to open.
fn project_path(arg: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(arg);
    if path.extension().is_some_and(|e| e == "samachar") {
        Ok(path)
    } else {
        Err(format!(
            "'{arg}' is neither a subcommand nor a .samachar project file (see --help)"
        ))
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse files or folders and print one JSON document on stdout.
    Analyze {
        /// Files or folders (folders are read recursively).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Indent the JSON.
        #[arg(long)]
        pretty: bool,
    },
    /// Read JSON Lines {"id","text"} on stdin, write {"id","quantities":[...]} on stdout.
    Quantities,
    /// Create, extend or describe a project file.
    #[command(subcommand)]
    Project(ProjectCommand),
    /// Export a table (entities, quantities, facts) as CSV or JSON.
    Export {
        /// Which table.
        #[arg(long, value_name = "entities|quantities|facts")]
        what: Table,
        /// csv or json (default: from the output file's extension, else csv).
        #[arg(long)]
        format: Option<TableFormat>,
        /// Output file; `-` or none writes to stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        inputs: Inputs,
    },
    /// Draw a chart to SVG or PNG (the format comes from the extension).
    Chart {
        /// Which chart.
        #[arg(long, value_name = "workforce|output|exports|money")]
        kind: ChartKind,
        /// Output file (.svg or .png).
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Only this organisation or subject.
        #[arg(long)]
        subject: Option<String>,
        /// Width in pixels.
        #[arg(long, default_value_t = 1000)]
        width: u32,
        /// Height in pixels.
        #[arg(long, default_value_t = 600)]
        height: u32,
        #[command(flatten)]
        inputs: Inputs,
    },
    /// Score extraction against the shared gold files and peer cases.
    Score {
        /// The shared test material folder.
        #[arg(long, default_value = "../shared", value_name = "DIR")]
        shared: PathBuf,
        /// Also write the report to this Markdown file.
        #[arg(long, value_name = "FILE")]
        write: Option<PathBuf>,
    },
}

/// Project subcommands.
#[derive(Debug, Subcommand)]
pub enum ProjectCommand {
    /// Create a new project file from files or folders (none: the bundled seeds).
    New {
        /// The project file to create (must not exist).
        file: PathBuf,
        /// Files or folders to import.
        paths: Vec<PathBuf>,
    },
    /// Import files or folders into an existing project.
    Add {
        /// The project file.
        file: PathBuf,
        /// Files or folders to import.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Describe a project file.
    Info {
        /// The project file.
        file: PathBuf,
    },
    /// List a project's articles: id, file and title; removed ones are marked.
    List {
        /// The project file.
        file: PathBuf,
    },
    /// Take articles out of a project's tables, charts and search (they stay
    /// in the file; `restore` or undo in the app brings them back).
    Remove {
        /// The project file.
        file: PathBuf,
        /// Articles by id (as `list` shows it), file name or path.
        #[arg(required = true)]
        articles: Vec<String>,
    },
    /// Bring removed articles back.
    Restore {
        /// The project file.
        file: PathBuf,
        /// Articles by id (as `list` shows it), file name or path.
        #[arg(required = true)]
        articles: Vec<String>,
    },
}

/// Where a table or chart gets its articles.
#[derive(Debug, Args)]
pub struct Inputs {
    /// A `.samachar` project, or files and folders to analyse (none: the bundled seeds).
    #[arg(value_name = "PROJECT_OR_PATHS")]
    pub inputs: Vec<PathBuf>,
}

/// Runs a parsed subcommand and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    match run_inner(command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("samachar: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run_inner(command: Command) -> Result<ExitCode> {
    match command {
        Command::Analyze { paths, pretty } => analyze(&paths, pretty),
        Command::Quantities => quantities(),
        Command::Project(p) => project(p),
        Command::Export {
            what,
            format,
            output,
            inputs,
        } => export(what, format, output.as_deref(), &inputs.inputs),
        Command::Chart {
            kind,
            output,
            subject,
            width,
            height,
            inputs,
        } => chart_cmd(
            kind,
            &output,
            subject.as_deref(),
            width,
            height,
            &inputs.inputs,
        ),
        Command::Score { shared, write } => score(&shared, write.as_deref()),
    }
}

fn report_errors(errors: &[LoadError]) -> ExitCode {
    for e in errors {
        eprintln!("samachar: {}: {}", e.path, e.message);
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn no_progress(_: samachar_core::Progress) {}

fn note_skipped(skipped: &[String]) {
    if !skipped.is_empty() {
        eprintln!(
            "samachar: skipped {} file(s) in folders that are not articles by their extension (first: {})",
            skipped.len(),
            skipped[0]
        );
    }
}

fn analyze(paths: &[PathBuf], pretty: bool) -> Result<ExitCode> {
    let batch = samachar_core::analyze_paths(paths, &AtomicBool::new(false), &no_progress);
    note_skipped(&batch.skipped);
    let corpus = corpus_analysis(&batch.articles, &batch.errors);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if pretty {
        serde_json::to_writer_pretty(&mut out, &corpus)?;
    } else {
        serde_json::to_writer(&mut out, &corpus)?;
    }
    writeln!(out)?;
    out.flush()?;
    Ok(report_errors(&batch.errors))
}

#[derive(serde::Deserialize)]
struct QuantityRequest {
    id: serde_json::Value,
    text: String,
}

#[derive(serde::Serialize)]
struct QuantityOut<'a> {
    text: &'a str,
    value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_max: Option<f64>,
    unit: Option<&'a str>,
    per: Option<&'a str>,
}

fn quantities() -> Result<ExitCode> {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line.context("cannot read standard input")?;
        if line.trim().is_empty() {
            continue;
        }
        let request: QuantityRequest = match serde_json::from_str(&line) {
            Ok(r) => r,
            Err(e) => {
                eprintln!(
                    "samachar: line {}: not a {{\"id\",\"text\"}} object: {e}",
                    n + 1
                );
                failed = true;
                continue;
            }
        };
        let found = samachar_core::quantity::extract(&request.text);
        let quantities: Vec<QuantityOut<'_>> = found
            .iter()
            .map(|q| QuantityOut {
                text: &q.text,
                value: q.value,
                value_max: q.value_max,
                unit: q.unit.as_deref(),
                per: q.per.as_deref(),
            })
            .collect();
        serde_json::to_writer(
            &mut out,
            &serde_json::json!({"id": request.id, "quantities": quantities}),
        )?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn import_into(project: &mut Project, paths: &[PathBuf]) -> Result<Vec<LoadError>> {
    let batch = samachar_core::analyze_paths(paths, &AtomicBool::new(false), &no_progress);
    note_skipped(&batch.skipped);
    let mut errors = batch.errors;
    let mut items = Vec::new();
    for article in batch.articles {
        if let Some(id) = project.find_bytes(&article.doc.bytes)? {
            if project.annotations().is_removed(id) {
                project.apply(Edit::RestoreArticle {
                    article: id,
                    file: article.doc.file.clone(),
                })?;
                eprintln!(
                    "samachar: {}: was removed from the project, restored",
                    article.doc.path
                );
            } else {
                eprintln!(
                    "samachar: {}: already in the project, skipped",
                    article.doc.path
                );
            }
            continue;
        }
        items.push((article.doc, article.analysis));
    }
    project.add_articles(&items)?;
    println!(
        "imported {} article(s) into {}",
        items.len(),
        project.path().display()
    );
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(errors)
}

fn project(command: ProjectCommand) -> Result<ExitCode> {
    match command {
        ProjectCommand::New { file, paths } => {
            let mut project = Project::create(&file)?;
            if paths.is_empty() {
                let items: Vec<_> = samachar_core::seeds::documents()
                    .into_iter()
                    .map(|doc| {
                        let analysis = samachar_core::analyze_document(&doc);
                        (doc, analysis)
                    })
                    .collect();
                project.add_articles(&items)?;
                println!(
                    "created {} with the {} bundled seed articles",
                    file.display(),
                    items.len()
                );
                Ok(ExitCode::SUCCESS)
            } else {
                let errors = import_into(&mut project, &paths)?;
                Ok(report_errors(&errors))
            }
        }
        ProjectCommand::Add { file, paths } => {
            let mut project = Project::open(&file)?;
            let errors = import_into(&mut project, &paths)?;
            Ok(report_errors(&errors))
        }
        ProjectCommand::Info { file } => {
            let project = Project::open(&file)?;
            println!("{}", project.info()?);
            Ok(ExitCode::SUCCESS)
        }
        ProjectCommand::List { file } => {
            let project = Project::open_read_only(&file)?;
            let mut out = std::io::stdout().lock();
            for a in project.all_articles()? {
                let removed = if project.annotations().is_removed(a.id) {
                    "  (removed)"
                } else {
                    ""
                };
                let title = a.analysis.title.as_deref().unwrap_or("");
                writeln!(out, "{}\t{}\t{title}{removed}", a.id.0, a.doc.file)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        ProjectCommand::Remove { file, articles } => change_articles(&file, &articles, true),
        ProjectCommand::Restore { file, articles } => change_articles(&file, &articles, false),
    }
}

/// Removes (`remove`) or restores articles named by id, file name or path,
/// each as one undoable edit. Names that match nothing, or several articles,
/// are reported and the others still done.
fn change_articles(file: &Path, names: &[String], remove: bool) -> Result<ExitCode> {
    let mut project = Project::open(file)?;
    let all = project.all_articles()?;
    let mut failed = false;
    for name in names {
        let matches: Vec<_> = all
            .iter()
            .filter(|a| a.id.0.to_string() == *name || a.doc.file == *name || a.doc.path == *name)
            .collect();
        let [article] = matches.as_slice() else {
            failed = true;
            if matches.is_empty() {
                eprintln!("samachar: no article “{name}” in {}", file.display());
            } else {
                eprintln!(
                    "samachar: “{name}” names {} articles; give the id (see `samachar project list`)",
                    matches.len()
                );
            }
            continue;
        };
        let (id, file_name) = (article.id, article.doc.file.clone());
        let edit = if remove {
            Edit::RemoveArticle {
                article: id,
                file: file_name.clone(),
            }
        } else {
            Edit::RestoreArticle {
                article: id,
                file: file_name.clone(),
            }
        };
        match project.apply(edit) {
            Ok(()) => println!(
                "{} {file_name} (article {})",
                if remove { "removed" } else { "restored" },
                id.0
            ),
            Err(e) => {
                failed = true;
                eprintln!("samachar: {file_name}: {e}");
            }
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Loads the corpus a table or chart is made from: a project file (with the
/// user's corrections applied), files and folders, or the bundled seeds.
pub fn load_corpus(inputs: &[PathBuf]) -> Result<(CorpusAnalysis, Vec<LoadError>)> {
    if let [single] = inputs
        && single.extension().is_some_and(|e| e == "samachar")
    {
        let project = Project::open(single)?;
        let articles: Vec<Article> = project
            .articles()?
            .into_iter()
            .map(|s| Article {
                doc: s.doc,
                analysis: s.analysis,
            })
            .collect();
        let mut corpus = corpus_analysis(&articles, &[]);
        project.annotations().apply_to_corpus(&mut corpus);
        return Ok((corpus, Vec::new()));
    }
    if inputs.is_empty() {
        let articles: Vec<Article> = samachar_core::seeds::documents()
            .into_iter()
            .map(|doc| {
                let analysis = samachar_core::analyze_document(&doc);
                Article { doc, analysis }
            })
            .collect();
        return Ok((corpus_analysis(&articles, &[]), Vec::new()));
    }
    let batch = samachar_core::analyze_paths(inputs, &AtomicBool::new(false), &no_progress);
    let corpus = corpus_analysis(&batch.articles, &batch.errors);
    Ok((corpus, batch.errors))
}

fn export(
    what: Table,
    format: Option<TableFormat>,
    output: Option<&Path>,
    inputs: &[PathBuf],
) -> Result<ExitCode> {
    let (corpus, errors) = load_corpus(inputs)?;
    let output = output.filter(|p| p.as_os_str() != "-");
    let format = match (format, output) {
        (Some(f), _) => f,
        (None, Some(path)) => TableFormat::from_path(path).unwrap_or(TableFormat::Csv),
        (None, None) => TableFormat::Csv,
    };
    match output {
        Some(path) => {
            chart::write_file_atomic(path, |w| chart::write_table(what, format, &corpus, w))?;
            eprintln!("wrote {}", path.display());
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            chart::write_table(what, format, &corpus, &mut out)?;
            out.flush()?;
        }
    }
    Ok(report_errors(&errors))
}

fn chart_cmd(
    kind: ChartKind,
    output: &Path,
    subject: Option<&str>,
    width: u32,
    height: u32,
    inputs: &[PathBuf],
) -> Result<ExitCode> {
    if !(16..=20_000).contains(&width) || !(16..=20_000).contains(&height) {
        bail!("the chart size must be between 16 and 20000 pixels each way");
    }
    let (corpus, errors) = load_corpus(inputs)?;
    let spec = chart::chart(kind, &corpus, subject);
    chart::export_chart_file(&spec, output, width, height)?;
    eprintln!("wrote {}", output.display());
    Ok(report_errors(&errors))
}

fn score(shared: &Path, write: Option<&Path>) -> Result<ExitCode> {
    if !shared.is_dir() {
        bail!(
            "{} is not a folder: pass --shared with the path of the shared test material",
            shared.display()
        );
    }
    let report = samachar_core::score::full_report(shared)?;
    print!("{report}");
    if let Some(path) = write {
        std::fs::write(path, &report)
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}
