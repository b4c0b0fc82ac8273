import CRMData

/// The consent state machine of one contact as the pass walks its events in time order:
/// for each channel, the deciding marketing event (the latest event for that channel or for
/// NULL, every channel), whether a grant was ever given, and the latest grant; and the latest
/// `processing` event, read across all channels.
///
/// Events must come in the order of `ConsentOrder`: the last one applied is the latest, so a
/// withdrawal at the same instant as a grant wins, and between equal actions the larger id.
struct ConsentStates {
    /// The five channels by raw value, then a sixth slot for message channels outside the
    /// contract's list: only events for every channel (NULL) reach it.
    /// Literals, not `Channel.allCases.count`: `allCases` builds an array at every use, and the pass
    /// asks per event. `channelsMatchContract` in the tests keeps them in step with `Channel`.
    static let channels = 5
    static let slots = 6
    static let otherChannel = 5
    /// The five channels in raw-value order, made once.
    static let allChannels: [Channel] = Channel.allCases.map { $0 }

    // SIMD lanes, not arrays: no heap, no uniqueness check per write in the pass's inner loop.
    // Lanes 0-4 are the channels, lane 5 the other channels; 6 and 7 are unused.
    private var decidingLanes = SIMD8<Int32>(repeating: -1)
    private var lastGrantLanes = SIMD8<Int64>(repeating: Instant.missing.ms)
    private var grantedBits: UInt8 = 0
    var processing: Int32 = -1

    /// The deciding marketing event of a slot (-1: none).
    @inline(__always) func deciding(_ slot: Int) -> Int32 { decidingLanes[slot] }
    /// Whether a marketing grant for the slot's channel (or NULL) was ever applied.
    @inline(__always) func everGranted(_ slot: Int) -> Bool { grantedBits & (1 << UInt8(slot)) != 0 }
    /// The latest such grant.
    @inline(__always) func lastGrantAt(_ slot: Int) -> Instant { Instant(ms: lastGrantLanes[slot]) }

    mutating func reset() {
        decidingLanes = SIMD8(repeating: -1)
        lastGrantLanes = SIMD8(repeating: Instant.missing.ms)
        grantedBits = 0
        processing = -1
    }

    @inline(__always) mutating func apply(_ e: Int, _ t: ConsentTable) {
        switch t.purpose[e] {
        case .marketing:
            let isGrant = t.action[e] == .grant
            let at = t.occurredAt[e].ms
            if let channel = t.channel[e] {
                let slot = Int(channel.rawValue)
                decidingLanes[slot] = Int32(e)
                if isGrant {
                    grantedBits |= 1 << UInt8(slot)
                    lastGrantLanes[slot] = at
                }
            } else {
                decidingLanes = SIMD8(repeating: Int32(e))
                if isGrant {
                    grantedBits = 0xFF
                    lastGrantLanes = SIMD8(repeating: at)
                }
            }
        case .processing:
            processing = Int32(e)
        case .thirdParty:
            break
        }
    }

    /// The grant deciding a channel at `moment`, if it is a grant that has not expired by then.
    @inline(__always) func activeGrant(_ slot: Int, at moment: Instant, _ t: ConsentTable) -> Int32? {
        let d = decidingLanes[slot]
        guard d >= 0, t.action[Int(d)] == .grant else { return nil }
        let expires = t.expiresAt[Int(d)]
        return expires.exists && expires <= moment ? nil : d
    }
}

/// The time orders of the pass.
enum ConsentOrder {
    /// Consent events of each contact: by time; at equal times a withdrawal after a grant
    /// (it wins); then by id (the larger wins).
    static func events(_ t: ConsentTable, contacts: Int) -> ContactGroups {
        t.occurredAt.withUnsafeBufferPointer { at in
            t.id.withUnsafeBufferPointer { id in
                t.action.withUnsafeBufferPointer { action in
                    ContactGroups(contact: t.contact, contacts: contacts) { a, b in
                        let x = Int(a), y = Int(b)
                        if at[x] != at[y] { return at[x] < at[y] }
                        if action[x] != action[y] { return action[x] == .grant }
                        return id[x] < id[y]
                    }
                }
            }
        }
    }

    /// Messages of each contact: by send time, then by id.
    static func messages(_ t: MessageTable, contacts: Int) -> ContactGroups {
        t.sentAt.withUnsafeBufferPointer { at in
            t.id.withUnsafeBufferPointer { id in
                ContactGroups(contact: t.contact, contacts: contacts) { a, b in
                    let x = Int(a), y = Int(b)
                    return at[x] != at[y] ? at[x] < at[y] : id[x] < id[y]
                }
            }
        }
    }
}
