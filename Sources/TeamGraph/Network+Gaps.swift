/// A kind of coverage gap, in the order gaps are reported.
public enum GapKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A newcomer with no owner.
    case unownedNewcomer = "unowned-newcomer"
    /// A person whose direct reports exceed the maximum span.
    case ownerOverloaded = "owner-overloaded"
    /// A person (not left) whose owner is inactive or has left.
    case inactiveOwner = "inactive-owner"
    /// A person whose owner is neither their sponsor nor anyone on their sponsor chain.
    case ownerOutsideLine = "owner-outside-line"
    /// A defined team with no lead.
    case teamWithoutLead = "team-without-lead"
    /// A defined team whose lead belongs to a different team.
    case leadOutsideTeam = "lead-outside-team"

    /// Orders kinds as the table in the design lists them.
    public static func < (a: GapKind, b: GapKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Whether the gap is about a team rather than a person.
    public var isAboutTeam: Bool { self == .teamWithoutLead || self == .leadOutsideTeam }
}

/// One coverage gap: what kind, whom it is about, and a human explanation.
public struct Gap: Sendable, Hashable {
    /// What the gap is about: a person or a team (by index).
    public enum Subject: Sendable, Hashable {
        /// A person, by index.
        case person(Int32)
        /// A team, by index into ``Network/teams``.
        case team(Int32)
    }

    /// The kind of gap.
    public var kind: GapKind
    /// The person or team it is about.
    public var subject: Subject
    /// A sentence a person can act on.
    public var detail: String
}

extension Network {
    /// Every coverage gap, ordered by kind and then input order.
    ///
    /// The team kinds are checked only when teams are defined (a teams file or JSON `teams`).
    ///
    /// - Complexity: O(n + gaps).
    public func gaps(options: AnalysisOptions) -> [Gap] {
        var gaps: [Gap] = []
        func person(_ i: Int, _ kind: GapKind, _ detail: String) {
            gaps.append(Gap(kind: kind, subject: .person(Int32(i)), detail: detail))
        }
        for i in 0..<count
        where owner.parents[i] < 0 && !ownersOutside.contains(Int32(i)) && isNewcomer(Int32(i), options: options) {
            let since = statuses[i] == .newcomer ? "status newcomer" : "joined \(joined[i]!)"
            person(i, .unownedNewcomer, "newcomer (\(since)) with no owner")
        }
        for i in 0..<count {
            let reports = owner.childCount(of: Int32(i))
            if reports > options.maxSpan {
                person(i, .ownerOverloaded, "\(reports) direct reports (max \(options.maxSpan))")
            }
        }
        for i in 0..<count where statuses[i] != .left {
            let o = owner.parents[i]
            if o >= 0, statuses[Int(o)] == .inactive || statuses[Int(o)] == .left {
                person(i, .inactiveOwner, "owner \(label(o)) \(statuses[Int(o)] == .left ? "has left" : "is inactive")")
            }
        }
        for i in 0..<count {
            let o = owner.parents[i]
            guard o >= 0, !sponsor.isAncestor(o, of: Int32(i)) else { continue }
            // In a scoped network a sponsor line cut above may reach the owner outside it.
            if !sponsorsOutside.isEmpty, sponsorsOutside.contains(sponsorRoot(of: Int32(i))) { continue }
            let s = sponsor.parents[i]
            let sponsorText = s >= 0 ? "sponsor \(label(s))" : "no sponsor"
            person(i, .ownerOutsideLine, "owner \(label(o)) is not on the sponsor line (\(sponsorText))")
        }
        if teamsDefined {
            for (t, team) in teams.enumerated() where team.lead == nil && !leadsOutside.contains(Int32(t)) {
                gaps.append(
                    Gap(kind: .teamWithoutLead, subject: .team(Int32(t)), detail: "team \(teamLabel(t)) has no lead"))
            }
            for (t, team) in teams.enumerated() {
                guard let lead = team.lead, teamIndex[Int(lead)] != Int32(t) else { continue }
                let other = teamIndex[Int(lead)]
                let belonging = other >= 0 ? "belongs to team \(teamLabel(Int(other)))" : "belongs to no team"
                gaps.append(
                    Gap(kind: .leadOutsideTeam, subject: .team(Int32(t)), detail: "lead \(label(lead)) \(belonging)"))
            }
        }
        return gaps
    }

    /// The top of `person`'s sponsor line.
    /// - Complexity: O(depth).
    func sponsorRoot(of person: Int32) -> Int32 {
        var top = person
        while sponsor.parents[Int(top)] >= 0 { top = sponsor.parents[Int(top)] }
        return top
    }

    /// "name (id)" for a team, or just the id when it has no name.
    public func teamLabel(_ t: Int) -> String {
        teams[t].name.isEmpty ? teams[t].id : "\(teams[t].name) (\(teams[t].id))"
    }

    /// The id of the person or team a gap is about.
    public func subjectID(_ subject: Gap.Subject) -> String {
        switch subject {
        case .person(let i): ids[Int(i)]
        case .team(let t): teams[Int(t)].id
        }
    }
}
