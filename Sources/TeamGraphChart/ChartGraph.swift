/// What to draw, ready for a Graphviz layout engine: nodes, edges, clusters and their attributes.
///
/// A plain value with no Graphviz state: ``Chart`` builds one from a network
/// (`Chart+Build.swift`) and ``GraphvizRenderer`` draws it. Attribute values are Graphviz values
/// as Graphviz reads them (escStrings already escaped); build user text with the helpers in
/// ``ChartGraph/Attribute``. Everything is kept in insertion order, which decides the drawing, so
/// the same value always draws the same picture.
public struct ChartGraph: Sendable, Hashable {
    /// One `name = value` Graphviz attribute.
    public struct Attribute: Sendable, Hashable {
        /// The attribute name, e.g. `label`.
        public var name: String
        /// The value as Graphviz reads it.
        public var value: String

        /// Creates an attribute from a raw Graphviz value.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }

        /// An escString attribute (label, tooltip, id) whose value is the literal text given.
        public static func text(_ name: String, _ text: String) -> Attribute {
            Attribute(name, GraphvizText.dotSafe(GraphvizText.literal(text, flavour: .init(attribute: name))))
        }

        /// An escString attribute showing the given lines, centred.
        public static func lines(_ name: String, _ lines: [String]) -> Attribute {
            Attribute(name, GraphvizText.dotSafe(GraphvizText.lines(lines, flavour: .init(attribute: name))))
        }
    }

    /// A node: a person's card, a `more` node, or a legend entry.
    public struct Node: Sendable, Hashable {
        /// The Graphviz node name (unique in the graph; shown in the SVG `<title>`).
        public var name: String
        /// The node's attributes.
        public var attributes: [Attribute]
        /// The index into ``ChartGraph/clusters`` of the cluster holding the node, if any.
        public var cluster: Int?
        /// The label's lines as shown, when known: what the `tree` engine measures.
        public var labelLines: [String]?

        /// Creates a node.
        public init(name: String, attributes: [Attribute], cluster: Int? = nil, labelLines: [String]? = nil) {
            self.name = name
            self.attributes = attributes
            self.cluster = cluster
            self.labelLines = labelLines
        }
    }

    /// An edge between two nodes, by index into ``ChartGraph/nodes``.
    public struct Edge: Sendable, Hashable {
        /// The node the edge starts at (the upper one in a tree).
        public var tail: Int
        /// The node the edge ends at.
        public var head: Int
        /// The edge's attributes.
        public var attributes: [Attribute]

        /// Creates an edge.
        public init(tail: Int, head: Int, attributes: [Attribute] = []) {
            self.tail = tail
            self.head = head
            self.attributes = attributes
        }
    }

    /// A cluster (drawn as a box around its nodes by `dot`; ignored by `twopi`).
    public struct Cluster: Sendable, Hashable {
        /// The subgraph name; Graphviz needs it to start with `cluster`.
        public var name: String
        /// The cluster's attributes.
        public var attributes: [Attribute]
        /// The index of the cluster this one is drawn inside (declared before it), if any.
        public var parent: Int?

        /// Creates a cluster.
        public init(name: String, attributes: [Attribute], parent: Int? = nil) {
            self.name = name
            self.attributes = attributes
            self.parent = parent
        }
    }

    /// The graph name.
    public var name: String
    /// The layout engine Graphviz runs (`dot`, `twopi`, ...); also written as the `layout` attribute.
    public var engine: String
    /// Graph attributes.
    public var attributes: [Attribute]
    /// Defaults for every node.
    public var nodeDefaults: [Attribute]
    /// Defaults for every edge.
    public var edgeDefaults: [Attribute]
    /// The nodes, in drawing order.
    public var nodes: [Node]
    /// The edges, in drawing order.
    public var edges: [Edge]
    /// The clusters, in drawing order.
    public var clusters: [Cluster]

    /// Creates a graph description.
    public init(
        name: String, engine: String, attributes: [Attribute] = [], nodeDefaults: [Attribute] = [],
        edgeDefaults: [Attribute] = [], nodes: [Node] = [], edges: [Edge] = [], clusters: [Cluster] = []
    ) {
        self.name = name
        self.engine = engine
        self.attributes = attributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.nodes = nodes
        self.edges = edges
        self.clusters = clusters
    }
}
