/// The viewer's page, script and styles, compiled into the binary (nothing is fetched from outside).
enum ViewerAssets {
    /// `index.html`.
    static var page: [UInt8] { PackageResources.index_html }
    /// `viewer.js`.
    static var script: [UInt8] { PackageResources.viewer_js }
    /// `viewer.css`.
    static var styles: [UInt8] { PackageResources.viewer_css }
}
