import TeamGraph

/// The header spellings recognised without any flag (compared case-insensitively, trimmed).
public enum HeaderSpellings {
    /// People-file headers for each known field.
    public static let people: [(field: Field, headers: [String])] = [
        (.id, ["id", "编号", "工号", "会员编号"]),
        (.name, ["name", "姓名", "名字"]),
        (.sponsor, ["sponsor", "推荐人", "推荐人编号", "上线"]),
        (.owner, ["owner", "责任人", "负责人"]),
        (.role, ["role", "title", "职务", "职位", "级别"]),
        (.team, ["team", "团队", "小组"]),
        (.joined, ["joined", "加入日期", "入职日期"]),
        (.status, ["status", "状态"]),
    ]

    /// Teams-file headers: `id`, `name` and `lead`.
    public static let teams: [(field: String, headers: [String])] = [
        ("id", ["id", "编号", "团队编号"]),
        ("name", ["name", "名称", "团队名称", "团队"]),
        ("lead", ["lead", "负责人", "队长", "组长", "领队"]),
    ]

    /// The known field a header names, if any, after `--map` overrides.
    static func field(for header: String, in table: [(field: String, headers: [String])], mappings: [String: String])
        -> String?
    {
        let key = header.trimmingSpaces.lowercased()
        if let mapped = mappings.first(where: { $0.value.trimmingSpaces.lowercased() == key }) { return mapped.key }
        for (field, headers) in table where headers.contains(key) {
            // A header explicitly mapped elsewhere no longer claims its default field.
            if mappings[field] != nil { continue }
            return field
        }
        return nil
    }

    static var peopleTable: [(field: String, headers: [String])] { people.map { ($0.field.rawValue, $0.headers) } }
}
