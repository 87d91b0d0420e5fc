#pragma once

// Every weight and threshold of tool scoring, from resources/config/scoring.json, overridable
// (an engine config may carry a partial object with the same shape). Errors name the file and
// the JSON pointer of the offending value and what was expected; unknown keys are errors, so a
// typo never silently leaves a default in force.

#include "search/bm25index.h"
#include "search/hnswvectorindex.h"

#include <QJsonObject>
#include <QString>

namespace m1 {

struct ScoringConfig
{
    // Fusion of dense and lexical evidence. linear: dense·cos + lexical·bm25/upper-bound.
    // rrf: reciprocal rank fusion, dense/(rrfK + rank) + lexical/(rrfK + rank), rescaled to 0..1.
    QString fusion = QStringLiteral("linear");
    float denseWeight = 0.30f;
    float lexicalWeight = 0.45f;
    int rrfK = 60;
    int candidates = 20; // tools taken from each side into the scoring pass

    // Method disambiguation: read intent ↔ GET, create ↔ POST, update ↔ PUT/PATCH, delete ↔ DELETE.
    float methodMatch = 0.15f;
    float methodWriteFamily
        = -0.02f; // a write intent meeting another write method (create vs delete)
    float methodMismatch = -0.20f; // read intent meeting a write method, or the reverse

    float userWeight = 0.05f; // at saturation successful uses by this user
    int userSaturation = 10;

    float categoryShareWeight = 0.03f; // × share of the top candidates' score in this category
    int categoryTop = 5;
    float categoryMinShare = 0.5f;
    float categoryNameMatch = 0.03f; // the query names the category

    float docsWeight = 0.20f; // × best word match with the tool's examples / synonyms (0..1)
    // × best cosine between the query and one of those texts. Off by default: with the local
    // embedder it added nothing once the classifier was on (measured on resources/eval); a
    // semantic provider may differ.
    float docsDenseWeight = 0.0f;
    int docsDenseHits = 32; // example texts taken from the dense example index per query
    int docsDenseAnnMin = 2000; // from this many example texts on, their index is HNSW (0: never)
    float docsClassifierWeight = 2.0f; // × probability from the classifier trained on examples
    int docsClassifierTop = 5; // its most probable tools join the candidates

    float evalWeight = 0.05f; // × (success rate − failure rate), Laplace-smoothed
    int evalMinObservations = 5; // full weight from this many outcomes on

    // Calibrated on the demo (best scores of labelled queries against small talk and questions
    // the bot has no tool for): small talk scored up to 0.9, right answers from 0.57 on.
    float candidateThreshold = 0.30f; // a tool is offered as a candidate from this score on
    float actThreshold = 0.80f; // the best tool is used without asking from this score on
    float abstainThreshold = 0.40f; // under this nothing is relevant (out of scope)
    // The best tool must also lead the second by this much, or the result abstains: two tools
    // scoring alike ("change" → a tyre change or a booking change) is a question, not an answer.
    float actMargin = 0.08f;
    int maxCandidates = 5; // candidates an abstaining result carries

    int localIdf = 1; // 1: fit the local embedder's token weights (idf) to the registry

    int annMinTools = 5000; // from this many tools on, dense search uses HNSW
    HnswOptions hnsw;
    Bm25Options bm25;

    int queryCacheCapacity = 1024;
    qint64 queryCacheTtlMs = 3'600'000;

    // Applies a (possibly partial) object over this configuration. On error nothing is changed.
    // pointerPrefix is where the object sits in its file ("/scoring" in an engine config).
    bool apply(const QJsonObject &json, const QString &sourceName, QString *error,
               const QString &pointerPrefix = QString());
    static bool load(const QString &path, ScoringConfig *out, QString *error);
    QJsonObject toJson() const;
};

} // namespace m1
