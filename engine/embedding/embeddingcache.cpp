#include "embedding/embeddingcache.h"

#include "embedding/embeddinglog.h"
#include "embedding/fnvhash.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QtEndian>

#include <cstring>

namespace m1 {

namespace {

constexpr char kMagic[8] = { 'M', '1', 'E', 'M', 'B', 'C', '0', '1' };
constexpr quint32 kVersion = 1;
constexpr int kHeaderSize = 16;
constexpr int kKeySize = 32;
constexpr quint32 kMaxDimension = 65536;

std::uint64_t checksum(const char *data, qsizetype size)
{
    std::uint64_t h = kFnvOffset;
    for (qsizetype i = 0; i < size; ++i)
        h = (h ^ std::uint64_t(static_cast<unsigned char>(data[i]))) * kFnvPrime;
    return h;
}

QByteArray header()
{
    QByteArray out(kMagic, 8);
    char tail[8];
    qToLittleEndian<quint32>(kVersion, tail);
    qToLittleEndian<quint32>(0, tail + 4);
    out.append(tail, 8);
    return out;
}

QByteArray encodeRecord(const QByteArray &key, const std::vector<float> &vector)
{
    QByteArray out;
    const qsizetype payload = kKeySize + 4 + qsizetype(vector.size()) * 4;
    out.reserve(payload + 8);
    out.append(key);
    char word[8];
    qToLittleEndian<quint32>(quint32(vector.size()), word);
    out.append(word, 4);
    for (float value : vector) {
        quint32 bits;
        std::memcpy(&bits, &value, 4);
        qToLittleEndian<quint32>(bits, word);
        out.append(word, 4);
    }
    qToLittleEndian<quint64>(checksum(out.constData(), out.size()), word);
    out.append(word, 8);
    return out;
}

} // namespace

EmbeddingCache::EmbeddingCache(QString folder)
    : m_folder(std::move(folder))
{
}

QByteArray EmbeddingCache::makeKey(const QString &provider, const QString &model, int dimension,
                                   const QString &text)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(provider.toUtf8());
    hash.addData(QByteArrayView("|"));
    hash.addData(model.toUtf8());
    hash.addData(QByteArrayView("|"));
    hash.addData(QByteArray::number(dimension));
    hash.addData(QByteArrayView("|"));
    hash.addData(text.toUtf8());
    return hash.result();
}

QString EmbeddingCache::filePath() const
{
    return m_folder.isEmpty() ? QString()
                              : QDir(m_folder).filePath(QStringLiteral("embeddings-v1.bin"));
}

void EmbeddingCache::warnLocked(const QString &message)
{
    m_warnings.append(message);
    qCWarning(lcEmbedding).noquote() << message;
}

int EmbeddingCache::load()
{
    QWriteLocker lock(&m_lock);
    const QString path = filePath();
    if (path.isEmpty() || !QFile::exists(path))
        return 0;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        warnLocked(QStringLiteral("embedding cache %1 cannot be read (%2); starting empty")
                       .arg(path, file.errorString()));
        return 0;
    }
    const QByteArray data = file.readAll();
    file.close();
    if (data.size() < kHeaderSize || std::memcmp(data.constData(), kMagic, 8) != 0
        || qFromLittleEndian<quint32>(data.constData() + 8) != kVersion) {
        warnLocked(
            QStringLiteral("embedding cache %1 is not a version-%2 cache file; it will be rebuilt")
                .arg(path)
                .arg(kVersion));
        rewriteLocked();
        return 0;
    }
    qsizetype offset = kHeaderSize;
    int loaded = 0;
    bool corrupt = false;
    while (offset < data.size()) {
        if (data.size() - offset < kKeySize + 4 + 8) {
            corrupt = true;
            break;
        }
        const char *record = data.constData() + offset;
        const quint32 dimension = qFromLittleEndian<quint32>(record + kKeySize);
        const qsizetype payload = kKeySize + 4 + qsizetype(dimension) * 4;
        if (dimension == 0 || dimension > kMaxDimension || data.size() - offset < payload + 8
            || qFromLittleEndian<quint64>(record + payload) != checksum(record, payload)) {
            corrupt = true;
            break;
        }
        std::vector<float> vector(dimension);
        for (quint32 i = 0; i < dimension; ++i) {
            const quint32 bits = qFromLittleEndian<quint32>(record + kKeySize + 4 + 4 * i);
            std::memcpy(&vector[i], &bits, 4);
        }
        m_vectors.insert(QByteArray(record, kKeySize), std::move(vector));
        ++loaded;
        offset += payload + 8;
    }
    if (corrupt) {
        warnLocked(QStringLiteral("embedding cache %1 is damaged at byte %2; kept %3 vectors and "
                                  "rewrote the file (the rest will be embedded again)")
                       .arg(path)
                       .arg(offset)
                       .arg(loaded));
        rewriteLocked();
    }
    return loaded;
}

std::optional<std::vector<float>> EmbeddingCache::find(const QByteArray &key) const
{
    QReadLocker lock(&m_lock);
    const auto it = m_vectors.constFind(key);
    if (it == m_vectors.constEnd())
        return std::nullopt;
    return *it;
}

bool EmbeddingCache::contains(const QByteArray &key) const
{
    QReadLocker lock(&m_lock);
    return m_vectors.contains(key);
}

void EmbeddingCache::insert(const QByteArray &key, std::vector<float> vector)
{
    QWriteLocker lock(&m_lock);
    const bool known = m_vectors.contains(key);
    m_vectors.insert(key, std::move(vector));
    if (!known)
        m_pending.append(key);
}

bool EmbeddingCache::flush()
{
    QWriteLocker lock(&m_lock);
    const QString path = filePath();
    if (path.isEmpty() || m_pending.isEmpty()) {
        m_pending.clear();
        return true;
    }
    if (!QDir().mkpath(m_folder)) {
        warnLocked(QStringLiteral("embedding cache folder %1 cannot be created").arg(m_folder));
        return false;
    }
    QFile file(path);
    const bool fresh = !file.exists() || file.size() < kHeaderSize;
    if (fresh)
        return rewriteLocked();
    if (!file.open(QIODevice::Append)) {
        warnLocked(QStringLiteral("embedding cache %1 cannot be written (%2)")
                       .arg(path, file.errorString()));
        return false;
    }
    QByteArray chunk;
    for (const QByteArray &key : std::as_const(m_pending)) {
        const auto it = m_vectors.constFind(key);
        if (it != m_vectors.constEnd())
            chunk.append(encodeRecord(key, *it));
    }
    const bool ok = file.write(chunk) == chunk.size() && file.flush();
    if (!ok) {
        warnLocked(
            QStringLiteral("embedding cache %1: write failed (%2)").arg(path, file.errorString()));
        return false;
    }
    m_pending.clear();
    return true;
}

bool EmbeddingCache::rewriteLocked()
{
    const QString path = filePath();
    if (path.isEmpty())
        return true;
    QDir().mkpath(m_folder);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        warnLocked(QStringLiteral("embedding cache %1 cannot be written (%2)")
                       .arg(path, file.errorString()));
        return false;
    }
    file.write(header());
    for (auto it = m_vectors.constBegin(); it != m_vectors.constEnd(); ++it)
        file.write(encodeRecord(it.key(), it.value()));
    if (!file.commit()) {
        warnLocked(QStringLiteral("embedding cache %1 cannot be saved (%2)")
                       .arg(path, file.errorString()));
        return false;
    }
    m_pending.clear();
    return true;
}

bool EmbeddingCache::compact(const QSet<QByteArray> &keep)
{
    QWriteLocker lock(&m_lock);
    for (auto it = m_vectors.begin(); it != m_vectors.end();) {
        if (keep.contains(it.key()))
            ++it;
        else
            it = m_vectors.erase(it);
    }
    return rewriteLocked();
}

int EmbeddingCache::size() const
{
    QReadLocker lock(&m_lock);
    return int(m_vectors.size());
}

QStringList EmbeddingCache::warnings() const
{
    QReadLocker lock(&m_lock);
    return m_warnings;
}

} // namespace m1
