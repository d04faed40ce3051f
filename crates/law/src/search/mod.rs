//! Full-text search over clauses (tantivy): BM25 ranking with each text analysed by the stemmer
//! of its language (English, Russian, Kazakh), phrase queries in quotes, filters by act and by
//! the date the clause must be in force on, and snippets with the matched words marked.
//!
//! Each language has its own pair of fields: a query is analysed by every language's stemmer at
//! once, and each form can only match texts of its own language.

mod kazakh;

use std::ops::Bound;

use chrono::NaiveDate;
use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{
    Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
    Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexReader, IndexWriter, TantivyDocument, Term, doc};

use crate::TextLanguage;
use crate::model::{Act, AmendmentKind};

/// Why a search could not run.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("the search index failed: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("the query is empty")]
    EmptyQuery,
}

/// The heading and the text of clauses in one language, analysed by its stemmer.
#[derive(Clone, Copy)]
struct Stemmed {
    heading: Field,
    text: Field,
}

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    act: Field,
    language: Field,
    english: Stemmed,
    russian: Stemmed,
    kazakh: Stemmed,
    /// Texts whose language was not given: words, lower-cased, not stemmed.
    undetermined: Stemmed,
    /// The text again, lower-cased but not stemmed: an exact word ranks above a word that only
    /// shares its stem ("mobilization" above "mobile", both "mobil" to the stemmer).
    exact: Field,
    from: Field,
    until: Field,
}

impl Fields {
    fn of(&self, language: TextLanguage) -> Stemmed {
        match language {
            TextLanguage::English => self.english,
            TextLanguage::Russian => self.russian,
            TextLanguage::Kazakh => self.kazakh,
            TextLanguage::Undetermined => self.undetermined,
        }
    }

    /// Every field a query looks in.
    fn searched(&self) -> Vec<Field> {
        let mut fields = vec![self.exact];
        for language in TextLanguage::ALL {
            let stemmed = self.of(*language);
            fields.extend([stemmed.heading, stemmed.text]);
        }
        fields
    }
}

/// The analyser of each language: words, at most 80 bytes long (40 Cyrillic letters), lower
/// case, stemmed.
fn analyzer(language: TextLanguage) -> (&'static str, tantivy::tokenizer::TextAnalyzer) {
    use tantivy::tokenizer::{
        Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
    };
    let words = || {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(80))
            .filter(LowerCaser)
    };
    match language {
        TextLanguage::English => (
            "en_stem",
            words().filter(Stemmer::new(Language::English)).build(),
        ),
        TextLanguage::Russian => (
            "ru_stem",
            words().filter(Stemmer::new(Language::Russian)).build(),
        ),
        TextLanguage::Kazakh => ("kk_stem", words().filter(kazakh::KazakhStemmer).build()),
        TextLanguage::Undetermined => ("default", words().build()),
    }
}

/// One clause found.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Hit {
    pub id: String,
    pub act: String,
    /// The language of the clause's text.
    pub language: TextLanguage,
    pub heading: Option<String>,
    pub score: f32,
    /// The best passage of the text, plain.
    pub fragment: String,
    /// Byte ranges of `fragment` that matched the query.
    pub highlights: Vec<(usize, usize)>,
    /// The passage as HTML, text escaped and matches in `<b>`.
    pub snippet_html: String,
}

/// What to look for.
#[derive(Debug, Clone)]
pub struct SearchQuery<'a> {
    /// Words, or a phrase in double quotes.
    pub text: &'a str,
    pub act: Option<&'a str>,
    /// Only clauses in force on this date.
    pub as_of: Option<NaiveDate>,
    pub limit: usize,
}

/// The index of the clauses of some acts.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

fn day_number(date: NaiveDate) -> i64 {
    use chrono::Datelike;
    i64::from(date.num_days_from_ce())
}

impl SearchIndex {
    fn schema() -> (Schema, Fields) {
        let mut builder = Schema::builder();
        let mut stemmed = |language: TextLanguage| {
            let (tokenizer, _) = analyzer(language);
            let options = TextOptions::default()
                .set_indexing_options(
                    TextFieldIndexing::default()
                        .set_tokenizer(tokenizer)
                        .set_index_option(IndexRecordOption::WithFreqsAndPositions),
                )
                .set_stored();
            let code = language.as_str();
            Stemmed {
                heading: builder.add_text_field(&format!("heading_{code}"), options.clone()),
                text: builder.add_text_field(&format!("text_{code}"), options),
            }
        };
        let english = stemmed(TextLanguage::English);
        let russian = stemmed(TextLanguage::Russian);
        let kazakh = stemmed(TextLanguage::Kazakh);
        let undetermined = stemmed(TextLanguage::Undetermined);
        let fields = Fields {
            id: builder.add_text_field("id", STRING | STORED),
            act: builder.add_text_field("act", STRING | STORED),
            language: builder.add_text_field("language", STRING | STORED),
            english,
            russian,
            kazakh,
            undetermined,
            exact: builder.add_text_field(
                "exact",
                TextOptions::default().set_indexing_options(
                    TextFieldIndexing::default()
                        .set_tokenizer("default")
                        .set_index_option(IndexRecordOption::WithFreqsAndPositions),
                ),
            ),
            from: builder.add_i64_field("from", INDEXED),
            until: builder.add_i64_field("until", INDEXED),
        };
        (builder.build(), fields)
    }

    /// Teaches `index` the analysers of every language.
    fn with_analyzers(index: Index) -> Index {
        for language in TextLanguage::ALL {
            let (name, analyzer) = analyzer(*language);
            index.tokenizers().register(name, analyzer);
        }
        index
    }

    /// An empty index in memory.
    pub fn in_memory() -> Self {
        let (schema, fields) = Self::schema();
        let index = Self::with_analyzers(Index::create_in_ram(schema));
        let reader = index.reader().expect("a reader over a new RAM index");
        Self {
            index,
            reader,
            fields,
        }
    }

    /// An empty index in a folder (which must exist and be empty).
    pub fn in_dir(path: &std::path::Path) -> Result<Self, SearchError> {
        let (schema, fields) = Self::schema();
        let index = Self::with_analyzers(Index::create_in_dir(path, schema)?);
        let reader = index.reader()?;
        Ok(Self {
            index,
            reader,
            fields,
        })
    }

    /// A writer for adding acts; commit it, then [`SearchIndex::reload`].
    pub fn writer(&self, memory_bytes: usize) -> Result<IndexWriter, SearchError> {
        Ok(self.index.writer(memory_bytes.max(15_000_000))?)
    }

    /// Adds every clause of `act`, with the dates it is in force.
    pub fn add_act(&self, writer: &IndexWriter, act: &Act) -> Result<usize, SearchError> {
        let f = self.fields;
        let own = f.of(act.language);
        let mut count = 0;
        for (index, node) in act.nodes.iter().enumerate().skip(1) {
            let Some(id) = &node.id else { continue };
            // The first exclusion on the way up the tree ends the clause.
            let mut until = i64::MAX;
            let mut at = Some(index);
            while let Some(i) = at {
                for amendment in &act.nodes[i].amendments {
                    if amendment.kind == AmendmentKind::Excluded {
                        until = until.min(day_number(amendment.effective));
                    }
                }
                at = act.nodes[i].parent;
            }
            writer.add_document(doc!(
                f.id => id.as_str(),
                f.act => act.id.as_str(),
                f.language => act.language.as_str(),
                own.heading => node.heading.clone().unwrap_or_default(),
                own.text => node.text.as_str(),
                f.exact => node.text.as_str(),
                f.from => day_number(act.in_force_from),
                f.until => until,
            ))?;
            count += 1;
        }
        Ok(count)
    }

    /// Makes committed documents visible to searches.
    pub fn reload(&self) -> Result<(), SearchError> {
        self.reader.reload()?;
        Ok(())
    }

    /// An index of `acts`.
    pub fn build(acts: &[Act]) -> Result<Self, SearchError> {
        let index = Self::in_memory();
        let mut writer = index.writer(50_000_000)?;
        for act in acts {
            index.add_act(&writer, act)?;
        }
        writer.commit()?;
        index.reload()?;
        Ok(index)
    }

    /// The best `limit` clauses for the query, best first.
    pub fn search(&self, query: &SearchQuery<'_>) -> Result<Vec<Hit>, SearchError> {
        if query.text.trim().is_empty() {
            return Err(SearchError::EmptyQuery);
        }
        let f = self.fields;
        let mut parser = QueryParser::for_index(&self.index, f.searched());
        parser.set_field_boost(f.exact, 2.0);
        // Lenient: a stray quote or colon in what a person typed still searches the words.
        let (words, _) = parser.parse_query_lenient(query.text);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, words.box_clone())];
        if let Some(act) = query.act {
            clauses.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.act, act),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        if let Some(as_of) = query.as_of {
            let day = day_number(as_of);
            clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(
                    Bound::Unbounded,
                    Bound::Included(Term::from_field_i64(f.from, day)),
                )),
            ));
            clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(
                    Bound::Excluded(Term::from_field_i64(f.until, day)),
                    Bound::Unbounded,
                )),
            ));
        }
        let combined = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        let top = searcher.search(
            &combined,
            &TopDocs::with_limit(query.limit.clamp(1, 1000)).order_by_score(),
        )?;
        // One snippet generator per language found: each knows its own field's analysis.
        let mut snippets: Vec<(TextLanguage, SnippetGenerator)> = Vec::new();
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let document: TantivyDocument = searcher.doc(address)?;
            let text_of = |field: Field| {
                document
                    .get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_owned()
            };
            // Every document is written with its language's word; an index from elsewhere
            // without one reads as undetermined.
            let language = text_of(f.language)
                .parse()
                .unwrap_or(TextLanguage::Undetermined);
            let own = f.of(language);
            let generator = match snippets.iter().position(|(l, _)| *l == language) {
                Some(at) => &snippets[at].1,
                None => {
                    let mut generator = SnippetGenerator::create(&searcher, &*words, own.text)?;
                    generator.set_max_num_chars(240);
                    snippets.push((language, generator));
                    &snippets[snippets.len() - 1].1
                }
            };
            let snippet = generator.snippet_from_doc(&document);
            let heading = text_of(own.heading);
            hits.push(Hit {
                id: text_of(f.id),
                act: text_of(f.act),
                language,
                heading: (!heading.is_empty()).then_some(heading),
                score,
                fragment: snippet.fragment().to_owned(),
                highlights: snippet
                    .highlighted()
                    .iter()
                    .map(|r| (r.start, r.end))
                    .collect(),
                snippet_html: snippet.to_html(),
            });
        }
        Ok(hits)
    }
}

/// The English stems of `text` as the index analyses its clauses (tantivy's `en_stem`: words,
/// lower case, Porter stems), for matching short texts against one another without an index.
pub fn english_stems(text: &str) -> Vec<String> {
    let (_, mut analyzer) = analyzer(TextLanguage::English);
    let mut stems = Vec::new();
    analyzer
        .token_stream(text)
        .process(&mut |token| stems.push(token.text.clone()));
    stems
}
