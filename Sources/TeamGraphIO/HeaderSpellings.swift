import TeamGraph

/// The header spellings recognised without any flag (compared case-insensitively, trimmed).
public enum HeaderSpellings {
    /// People-file headers for each known field.
    public static let people: [(field: Field, headers: [String])] = Field.allCases.map { ($0, headers(for: $0)) }

    /// Teams-file headers: `id`, `name` and `lead`.
    public static let teams: [(field: TeamField, headers: [String])] = TeamField.allCases.map {
        ($0, headers(for: $0))
    }

    /// The headers that name `field` in a people file, the canonical name first.
    public static func headers(for field: Field) -> [String] {
        switch field {
        case .id: ["id", "编号", "工号", "会员编号"]
        case .name: ["name", "姓名", "名字"]
        case .sponsor: ["sponsor", "推荐人", "推荐人编号", "上线"]
        case .owner: ["owner", "责任人", "负责人"]
        case .role: ["role", "title", "职务", "职位", "级别"]
        case .team: ["team", "团队", "小组"]
        case .joined: ["joined", "加入日期", "入职日期"]
        case .status: ["status", "状态"]
        }
    }

    /// The headers that name `field` in a teams file, the canonical name first.
    public static func headers(for field: TeamField) -> [String] {
        switch field {
        case .id: ["id", "编号", "团队编号"]
        case .name: ["name", "名称", "团队名称", "团队"]
        case .lead: ["lead", "负责人", "队长", "组长", "领队"]
        }
    }

    /// The known field a header names, if any, after `--map` overrides.
    static func field<Known: FieldVocabulary>(
        for header: String, in table: [(field: Known, headers: [String])], mappings: [Known: String]
    ) -> Known? {
        let key = header.trimmingSpaces.lowercased()
        if let mapped = Known.allCases.first(where: { mappings[$0]?.trimmingSpaces.lowercased() == key }) {
            return mapped
        }
        for (field, headers) in table where headers.contains(key) {
            // A header explicitly mapped elsewhere no longer claims its default field.
            if mappings[field] != nil { continue }
            return field
        }
        return nil
    }

    /// The `--map` overrides that name a field of `Known` (the others belong to the other kind of file).
    static func typed<Known: FieldVocabulary>(_ mappings: [String: String], as _: Known.Type = Known.self)
        -> [Known: String]
    {
        var result: [Known: String] = [:]
        for (name, header) in mappings {
            if let field = Known(rawValue: name) { result[field] = header }
        }
        return result
    }
}
