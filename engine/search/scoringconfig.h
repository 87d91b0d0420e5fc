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
    float denseWeight = 0.55f;
    float lexicalWeight = 0.45f;
    int rrfK = 60;
    int candidates = 20; // tools taken from each side into the scoring pass

    // Method disambiguation: read intent ↔ GET, create ↔ POST, update ↔ PUT/PATCH, delete ↔ DELETE.
    float methodMatch = 0.06f;
    float methodWriteFamily
        = -0.02f; // a write intent meeting another write method (create vs delete)
    float methodMismatch = -0.08f; // read intent meeting a write method, or the reverse

    float userWeight = 0.05f; // at saturation successful uses by this user
    int userSaturation = 10;

    float categoryShareWeight = 0.03f; // × share of the top candidates' score in this category
    int categoryTop = 5;
    float categoryMinShare = 0.5f;
    float categoryNameMatch = 0.03f; // the query names the category

    float docsWeight = 0.30f; // × best match with the tool's examples / synonyms (0..1)

    float evalWeight = 0.05f; // × (success rate − failure rate), Laplace-smoothed
    int evalMinObservations = 5; // full weight from this many outcomes on

    float candidateThreshold = 0.15f; // a tool is offered as a candidate from this score on
    float actThreshold = 0.40f; // the best tool is used without asking from this score on
    float abstainThreshold = 0.20f; // under this nothing is relevant (out of scope)
    int maxCandidates = 5; // candidates an abstaining result carries

    int localIdf = 1; // 1: fit the local embedder's token weights (idf) to the registry

    int annMinTools = 5000; // from this many tools on, dense search uses HNSW
    HnswOptions hnsw;
    Bm25Options bm25;

    int queryCacheCapacity = 1024;
    qint64 queryCacheTtlMs = 3'600'000;

    // Applies a (possibly partial) object over this configuration. On error nothing is changed.
    bool apply(const QJsonObject &json, const QString &sourceName, QString *error);
    static bool load(const QString &path, ScoringConfig *out, QString *error);
    QJsonObject toJson() const;
};

} // namespace m1
