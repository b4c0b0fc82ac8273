import CRMData
import Foundation

/// Validates every distinct e-mail and phone on its own thread as soon as the contacts are read,
/// while the reader is still busy with the other tables (it is most of the stale audit's cost,
/// and the two readers leave a core partly idle). The audit then takes the result, or validates
/// afresh if the contacts it was started on are not the snapshot's (a retried read).
public final class EarlyValidation: @unchecked Sendable {
    private let settings: ValidationSettings
    private let lock = NSCondition()
    private var generation = 0
    private var started: (contacts: ContactTable, generation: Int)?
    private var done: (validation: ContactValidation, generation: Int)?

    public init(settings: ValidationSettings) {
        self.settings = settings
    }

    /// Starts validating these contacts (a later call supersedes an earlier one).
    public func start(_ contacts: ContactTable) {
        lock.lock()
        generation += 1
        let mine = generation
        started = (contacts, mine)
        lock.unlock()
        let settings = self.settings
        do {
            try OwnThread.start { [weak self] in
                let validation = ContactValidation(contacts: contacts, settings: settings)
                guard let self else { return }
                self.lock.lock()
                if mine == self.generation { self.done = (validation, mine) }
                self.lock.broadcast()
                self.lock.unlock()
            }
        } catch {
            // No thread (no memory for its stack): nobody waits for it; the audit validates itself.
            lock.lock()
            if generation == mine { started = nil }
            lock.unlock()
        }
    }

    /// The validation of exactly these contacts: waits for the one started on them, or nil when
    /// none was (then the caller validates itself).
    public func validation(for contacts: ContactTable) -> ContactValidation? {
        lock.lock()
        defer { lock.unlock() }
        guard let s = started, s.contacts.id == contacts.id, s.contacts.email == contacts.email, s.contacts.phone == contacts.phone
        else { return nil }
        while done?.generation != s.generation, generation == s.generation { lock.wait() }
        return done?.generation == s.generation ? done?.validation : nil
    }
}
