//! Exporting 1,000,000 fact rows to CSV (target: under 2 s).

use criterion::{Criterion, criterion_group, criterion_main};
use samachar_chart::{Table, TableFormat, export_table_file, write_table};
use samachar_model::{ArticleAnalysis, CorpusAnalysis, Fact, FactValue};
use std::hint::black_box;
use std::time::Duration;

/// A corpus of 1,000 articles with 1,000 facts each.
fn corpus() -> CorpusAnalysis {
    let articles = (0..1000)
        .map(|a| ArticleAnalysis {
            file: format!("{a:04}_article.txt"),
            encoding: "UTF-8".into(),
            facts: (0..1000)
                .map(|i| Fact {
                    subject: format!("Company {} Pvt Ltd", i % 97),
                    metric: if i % 3 == 0 { "export destination" } else { "employees" }.into(),
                    value: if i % 3 == 0 {
                        FactValue::Text("Russia".into())
                    } else {
                        FactValue::Number(f64::from(i) * 10.5)
                    },
                    unit: (i % 3 != 0).then(|| "employees".into()),
                    per: (i % 5 == 0).then(|| "month".into()),
                    sentence: format!(
                        "The company, based in Hajipur, said it employs {} people, \"mostly women\".",
                        i * 3
                    ),
                    derived: i % 7 == 0,
                    derivation: (i % 7 == 0).then(|| "70% of 300 employees = 210".into()),
                    start: i as usize * 40,
                    end: i as usize * 40 + 38,
                })
                .collect(),
            ..Default::default()
        })
        .collect();
    CorpusAnalysis {
        articles,
        ..Default::default()
    }
}

fn bench(c: &mut Criterion) {
    let corpus = corpus();
    let dir = tempfile::tempdir().ok();
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("facts_csv_1m_rows_to_memory", |b| {
        b.iter(|| {
            let mut out: Vec<u8> = Vec::with_capacity(256 << 20);
            let r = write_table(Table::Facts, TableFormat::Csv, black_box(&corpus), &mut out);
            black_box((r.is_ok(), out.len()))
        })
    });
    if let Some(dir) = &dir {
        let path = dir.path().join("facts.csv");
        group.bench_function("facts_csv_1m_rows_to_file", |b| {
            b.iter(|| black_box(export_table_file(Table::Facts, black_box(&corpus), &path).is_ok()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
