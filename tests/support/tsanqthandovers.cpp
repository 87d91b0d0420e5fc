// ThreadSanitizer annotations for Qt's cross-thread hand-overs, linked into the threaded tests
// of the tsan preset only (tests/CMakeLists.txt).
//
// Debian's Qt is not built with TSan. When our code hands work to another thread through Qt
// (a queued invokeMethod, a queued signal, QTimer::singleShot with a context in another thread,
// QThreadPool / QtConcurrent::run, QThread::wait, the last reference to a QFuture's state), the
// synchronisation is a QMutex, an atomic or a wait condition inside libQt6Core, which TSan cannot
// see (tsan.supp has it ignore libQt6Core's own libc calls); it then reports the receiving
// thread's first read of what the sending thread wrote (the lambda's captures, the object the
// lambda works on) as a race, with our frames on both sides. Suppressing those would hide real
// races in the same code, so instead this file tells TSan what Qt guarantees, and nothing more:
// everything a thread did before posting a call happens before that call runs
// (QCoreApplication::postEvent, QThreadPool::start), everything a thread did happens before
// QThread::wait() returns, a reference count is released and acquired as QAtomicInt's is.
//
// How: the test executable defines the exported Qt functions our code calls (the inline
// templates in Qt's headers call them through the PLT, and so do the other Qt libraries), so
// these definitions take precedence for those calls; each wraps the slot object or runnable,
// calls __tsan_release on the sending side and __tsan_acquire on the receiving side just before
// the wrapped call, and forwards to Qt's own function (dlsym RTLD_NEXT). Calls within libQt6Core
// are bound inside it and untouched. Memory accesses stay fully checked: a race between two
// threads that do not hand over through one of these calls is still reported.

#include <QFutureInterface>
#include <QMetaObject>
#include <QObject>
#include <QReadWriteLock>
#include <QRunnable>
#include <QThread>
#include <QThreadPool>
#include <QTimer>

#include <sanitizer/tsan_interface.h>

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>

namespace {

template<typename Fn> Fn qtFunction(const char *mangledName)
{
    void *symbol = dlsym(RTLD_NEXT, mangledName);
    if (!symbol) {
        std::fprintf(stderr, "tsanqthandovers: %s not found in Qt\n", mangledName);
        std::abort();
    }
    return reinterpret_cast<Fn>(symbol);
}

// The signal emissions in progress on this thread: a connection's slot called inside one of
// them is a direct call, which needs no acquire (and must not get one: it would merge in other
// threads' emissions of the same sender).
struct Emission
{
    const QObject *sender;
    const Emission *outer;
};
thread_local const Emission *t_emissions = nullptr;

bool isEmitting(const QObject *sender)
{
    for (const Emission *e = t_emissions; e; e = e->outer) {
        if (e->sender == sender)
            return true;
    }
    return false;
}

// A slot object that acquires before forwarding the call to the one it wraps.
// - Its own token (m_token): released when created, acquired first thing in every call and
//   before it is destroyed, released after every call. That is Qt's guarantee for the slot
//   object itself: it is built before it is posted or connected, and Qt's reference count
//   orders every call before its destruction, whichever threads they run on.
// - One-shot (invokeMethod, singleShot; no sender): the token also carries what the sending
//   thread did before posting. For a blocking queued call it releases m_doneToken after the
//   call, so what the slot wrote (the return value) is visible to the waiting caller.
// - A connection (connect; sender set): every emission releases the sender (see activate
//   below), a call outside that emission (queued) acquires the sender.
class AnnotatedSlot : public QtPrivate::QSlotObjectBase
{
public:
    AnnotatedSlot(QtPrivate::QSlotObjectBase *inner, const QObject *sender,
                  void *doneToken = nullptr)
        : QSlotObjectBase(&impl)
        , m_inner(inner)
        , m_sender(sender)
        , m_doneToken(doneToken)
    {
        __tsan_release(&m_token);
    }

private:
    ~AnnotatedSlot() { m_inner->destroyIfLastRef(); }

    static void impl(int which, QSlotObjectBase *base, QObject *receiver, void **args, bool *ret)
    {
        auto *self = static_cast<AnnotatedSlot *>(base);
        __tsan_acquire(&self->m_token); // before reading any member
        switch (which) {
        case Destroy:
            delete self;
            return;
        case Call:
            if (self->m_sender && !isEmitting(self->m_sender))
                __tsan_acquire(const_cast<QObject *>(self->m_sender));
            self->m_inner->call(receiver, args);
            if (self->m_doneToken)
                __tsan_release(self->m_doneToken);
            break;
        case Compare: // disconnect(sender, &signal, receiver, &slot) compares the inner one
            *ret = self->m_inner->compare(args);
            break;
        default:
            break;
        }
        __tsan_release(&self->m_token);
    }

    QtPrivate::QSlotObjectBase *m_inner;
    const QObject *m_sender;
    void *m_doneToken;
    // Not m_ref's address: an atomic's address would mix its own sync into ours. Not read or
    // written, only its address is used.
    char m_token = 0;
};

// A runnable handed to QThreadPool: released when queued, acquired when a pool thread runs it.
class AnnotatedRunnable : public QRunnable
{
public:
    explicit AnnotatedRunnable(QRunnable *inner)
        : m_inner(inner)
        , m_deleteInner(inner->autoDelete())
    {
        setAutoDelete(true);
        __tsan_release(&m_token);
    }
    void run() override
    {
        __tsan_acquire(&m_token);
        m_inner->run();
        if (m_deleteInner)
            delete m_inner;
    }

private:
    QRunnable *m_inner;
    bool m_deleteInner;
    char m_token = 0;
};

} // namespace

bool QMetaObject::invokeMethodImpl(QObject *object, QtPrivate::QSlotObjectBase *slot,
                                   Qt::ConnectionType type, void *ret)
{
    using Fn = bool (*)(QObject *, QtPrivate::QSlotObjectBase *, Qt::ConnectionType, void *);
    static const Fn real = qtFunction<Fn>(
        "_ZN11QMetaObject16invokeMethodImplEP7QObjectPN9QtPrivate15QSlotObjectBaseEN2Qt14ConnectionTypeEPv");
    char done = 0; // lives until the blocking call has returned
    const bool blocking = type == Qt::BlockingQueuedConnection;
    const bool ok = real(object, new AnnotatedSlot(slot, nullptr, blocking ? &done : nullptr),
                         type, ret);
    if (blocking)
        __tsan_acquire(&done);
    return ok;
}

QMetaObject::Connection QObject::connectImpl(const QObject *sender, void **signal,
                                             const QObject *receiver, void **slotPtr,
                                             QtPrivate::QSlotObjectBase *slot,
                                             Qt::ConnectionType type, const int *types,
                                             const QMetaObject *senderMetaObject)
{
    using Fn = QMetaObject::Connection (*)(const QObject *, void **, const QObject *, void **,
                                           QtPrivate::QSlotObjectBase *, Qt::ConnectionType,
                                           const int *, const QMetaObject *);
    static const Fn real = qtFunction<Fn>(
        "_ZN7QObject11connectImplEPKS_PPvS1_S3_PN9QtPrivate15QSlotObjectBaseEN2Qt14ConnectionTypeEPKiPK11QMetaObject");
    // A blocking queued connection is not annotated (the emitter's wait is not modelled); the
    // engine uses none.
    QtPrivate::QSlotObjectBase *annotated = slot;
    if (slot && sender && type != Qt::BlockingQueuedConnection)
        annotated = new AnnotatedSlot(slot, sender);
    return real(sender, signal, receiver, slotPtr, annotated, type, types, senderMetaObject);
}

// Every signal our code (moc's code in our binaries) emits: release on the sender, so the slots
// of its queued connections see what the emitting thread did before.
void QMetaObject::activate(QObject *sender, const QMetaObject *metaObject, int localSignalIndex,
                           void **argv)
{
    using Fn = void (*)(QObject *, const QMetaObject *, int, void **);
    static const Fn real = qtFunction<Fn>("_ZN11QMetaObject8activateEP7QObjectPKS_iPPv");
    __tsan_release(sender);
    const Emission emission { sender, t_emissions };
    t_emissions = &emission;
    real(sender, metaObject, localSignalIndex, argv);
    t_emissions = emission.outer;
}

void QTimer::singleShotImpl(int msec, Qt::TimerType timerType, const QObject *receiver,
                            QtPrivate::QSlotObjectBase *slotObj)
{
    using Fn = void (*)(int, Qt::TimerType, const QObject *, QtPrivate::QSlotObjectBase *);
    static const Fn real = qtFunction<Fn>(
        "_ZN6QTimer14singleShotImplEiN2Qt9TimerTypeEPK7QObjectPN9QtPrivate15QSlotObjectBaseE");
    real(msec, timerType, receiver, new AnnotatedSlot(slotObj, nullptr));
}

void QThreadPool::start(QRunnable *runnable, int priority)
{
    using Fn = void (*)(QThreadPool *, QRunnable *, int);
    static const Fn real = qtFunction<Fn>("_ZN11QThreadPool5startEP9QRunnablei");
    real(this, runnable ? new AnnotatedRunnable(runnable) : nullptr, priority);
}

void QThreadPool::start(std::function<void()> functionToRun, int priority)
{
    using Fn = void (*)(QThreadPool *, std::function<void()>, int);
    static const Fn real = qtFunction<Fn>("_ZN11QThreadPool5startESt8functionIFvvEEi");
    auto token = std::make_shared<char>(0);
    __tsan_release(token.get());
    real(
        this,
        [token, function = std::move(functionToRun)] {
            __tsan_acquire(token.get());
            function();
        },
        priority);
}

// QFuture, QPromise and QFutureInterface<T> share one state with a count of the holders that may
// read its results (refT/derefT, atomics inside libQt6Core). The last holder to let go clears
// the results (~QFutureInterface<T>, inline in our code) after the others have read them on
// their threads: model the count as an acquire-release one, as Qt's QAtomicInt::deref is.
// The sync address is the shared state (d, opaque to our code, so no instrumented access or
// atomic of ours uses it); a moved-from interface has none.
bool QFutureInterfaceBase::derefT() const noexcept
{
    using Fn = bool (*)(const QFutureInterfaceBase *);
    static const Fn real = qtFunction<Fn>("_ZNK20QFutureInterfaceBase6derefTEv");
    if (!d)
        return real(this);
    void *token = d;
    __tsan_release(token);
    const bool stillHeld = real(this);
    if (!stillHeld)
        __tsan_acquire(token);
    return stillHeld;
}

// QThread::wait: everything the thread did happens before wait() returns true. Qt orders the
// two with a QWaitCondition inside libQt6Core (the thread is detached, there is no
// pthread_join), which tsan.supp has TSan ignore. The finishing thread releases when it emits
// finished() (after run() has returned; a direct connection runs in that thread), wait()
// acquires. Objects the thread deletes after finished() (its deleteLater queue) are not
// covered, and need no annotation so far.
namespace {
void *finishedToken(const QThread *thread)
{
    return const_cast<char *>(reinterpret_cast<const char *>(thread)) + 1;
}
} // namespace

void QThread::start(Priority priority)
{
    using Fn = void (*)(QThread *, Priority);
    static const Fn real = qtFunction<Fn>("_ZN7QThread5startENS_8PriorityE");
    if (!isRunning()) {
        QObject::connect(
            this, &QThread::finished, this, [this] { __tsan_release(finishedToken(this)); },
            Qt::ConnectionType(Qt::DirectConnection | Qt::SingleShotConnection));
    }
    real(this, priority);
}

bool QThread::wait(QDeadlineTimer deadline)
{
    using Fn = bool (*)(QThread *, QDeadlineTimer);
    static const Fn real = qtFunction<Fn>("_ZN7QThread4waitE14QDeadlineTimer");
    const bool finished = real(this, deadline);
    if (finished)
        __tsan_acquire(finishedToken(this));
    return finished;
}

// QReadWriteLock: all of it is inside libQt6Core (even the uncontended path, an atomic on
// d_ptr), so TSan sees neither its locks nor its unlocks, and reports two writers under the
// same write lock as a race. Qt annotates QMutex for TSan in its inline code (qtsan_impl.h);
// QReadWriteLock has none, so the calls into it from outside libQt6Core (our QReadLocker and
// QWriteLocker, libQt6Sql's connection list) are annotated here the same way, as a reader-writer
// mutex at the lock's address. unlock() does not say which kind it releases: each thread keeps
// the kinds it holds.
//
// These frames are also what tsan.supp's `mutex:` lines name: QReadWriteLock::unlock ends in a
// tail call to pthread_mutex_unlock on the lock's private std::mutex (used when it is contended),
// and a contended lock waits in libstdc++'s condition_variable; TSan credits those libc calls to
// the caller of QReadWriteLock instead of to libQt6Core (whose own calls tsan.supp ignores) and
// tracks them without the matching lock: "unlock of an unlocked mutex" on Qt's private mutex.
namespace {
struct HeldReadWriteLock
{
    const QReadWriteLock *lock;
    bool forRead;
};
// A plain array, not a std::vector: QReadWriteLock is still used by thread_local destructors
// (SqlConnectionRegistry's removes a thread's SQL connections), after a vector's would have run.
constexpr int MaxHeldReadWriteLocks = 32;
thread_local HeldReadWriteLock t_held[MaxHeldReadWriteLocks];
thread_local int t_heldCount = 0;

template<typename Fn> bool annotatedLock(QReadWriteLock *lock, bool forRead, bool tryLock, Fn &&real)
{
    if (t_heldCount == MaxHeldReadWriteLocks) // not annotated at all, lock nor unlock
        return real();
    const unsigned flags
        = (forRead ? __tsan_mutex_read_lock : 0u) | (tryLock ? __tsan_mutex_try_lock : 0u);
    __tsan_mutex_pre_lock(lock, flags);
    const bool locked = real();
    __tsan_mutex_post_lock(lock, locked ? flags : flags | __tsan_mutex_try_lock_failed, 0);
    if (locked)
        t_held[t_heldCount++] = { lock, forRead };
    return locked;
}
} // namespace

void QReadWriteLock::lockForRead()
{
    using Fn = void (*)(QReadWriteLock *);
    static const Fn real = qtFunction<Fn>("_ZN14QReadWriteLock11lockForReadEv");
    annotatedLock(this, true, false, [this] { real(this); return true; });
}

bool QReadWriteLock::tryLockForRead()
{
    using Fn = bool (*)(QReadWriteLock *);
    static const Fn real = qtFunction<Fn>("_ZN14QReadWriteLock14tryLockForReadEv");
    return annotatedLock(this, true, true, [this] { return real(this); });
}

bool QReadWriteLock::tryLockForRead(int timeout)
{
    using Fn = bool (*)(QReadWriteLock *, int);
    static const Fn real = qtFunction<Fn>("_ZN14QReadWriteLock14tryLockForReadEi");
    return annotatedLock(this, true, true, [this, timeout] { return real(this, timeout); });
}

void QReadWriteLock::lockForWrite()
{
    using Fn = void (*)(QReadWriteLock *);
    static const Fn real = qtFunction<Fn>("_ZN14QReadWriteLock12lockForWriteEv");
    annotatedLock(this, false, false, [this] { real(this); return true; });
}

bool QReadWriteLock::tryLockForWrite()
{
    using Fn = bool (*)(QReadWriteLock *);
    static const Fn real = qtFunction<Fn>("_ZN14QReadWriteLock15tryLockForWriteEv");
    return annotatedLock(this, false, true, [this] { return real(this); });
}

bool QReadWriteLock::tryLockForWrite(int timeout)
{
    using Fn = bool (*)(QReadWriteLock *, int);
    static const Fn real = qtFunction<Fn>("_ZN14QReadWriteLock15tryLockForWriteEi");
    return annotatedLock(this, false, true, [this, timeout] { return real(this, timeout); });
}

void QReadWriteLock::unlock()
{
    using Fn = void (*)(QReadWriteLock *);
    static const Fn real = qtFunction<Fn>("_ZN14QReadWriteLock6unlockEv");
    int i = t_heldCount - 1;
    while (i >= 0 && t_held[i].lock != this)
        --i;
    if (i < 0) { // locked inside libQt6Core (or not annotated), where TSan did not see it either
        real(this);
        return;
    }
    const unsigned flags = t_held[i].forRead ? __tsan_mutex_read_lock : 0u;
    for (; i + 1 < t_heldCount; ++i)
        t_held[i] = t_held[i + 1];
    --t_heldCount;
    __tsan_mutex_pre_unlock(this, flags);
    real(this);
    __tsan_mutex_post_unlock(this, flags);
}
