#pragma once

// Vectors already computed, keyed by sha256(provider | model | dimension | text), kept in memory
// and in one append-only file in a folder: a warm start with an unchanged registry needs no
// embedding call, and a changed tool text misses on its own key only.
//
// File: an 16-byte header ("M1EMBC01", version, reserved) then records
// [32-byte key][u32 dimension][dimension x f32][u64 FNV-1a of key+payload], little-endian.
// New vectors are appended by flush(); a torn or corrupt tail (crash mid-write, disk trouble) is
// reported as a warning, the good records are kept and the file is rewritten atomically.
// Thread-safe.

#include <QByteArray>
#include <QHash>
#include <QReadWriteLock>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace m1 {

class EmbeddingCache
{
public:
    // folder empty: memory only.
    explicit EmbeddingCache(QString folder = {});

    static QByteArray makeKey(const QString &provider, const QString &model, int dimension,
                              const QString &text);

    // Reads the file if there is one. Problems become warnings (never a failure): the cache then
    // starts with what could be read. Returns the number of vectors loaded.
    int load();

    std::optional<std::vector<float>> find(const QByteArray &key) const;
    bool contains(const QByteArray &key) const;
    void insert(const QByteArray &key, std::vector<float> vector);

    // Appends the vectors inserted since the last flush. Returns false (with a warning) when the
    // file cannot be written; the vectors stay in memory.
    bool flush();
    // Drops every entry not in keep and rewrites the file atomically (after tools were removed).
    bool compact(const QSet<QByteArray> &keep);

    int size() const;
    QString filePath() const;
    QStringList warnings() const;

private:
    bool rewriteLocked();
    void warnLocked(const QString &message);

    QString m_folder;
    mutable QReadWriteLock m_lock;
    QHash<QByteArray, std::vector<float>> m_vectors;
    QList<QByteArray> m_pending;
    QStringList m_warnings;
};

} // namespace m1
