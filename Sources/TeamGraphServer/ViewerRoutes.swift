import Hummingbird

/// The viewer: one page, its script and its styles, all compiled into the binary.
enum ViewerRoutes {
    static func add(to router: Router<ServedContext>) {
        router.get("/") { _, _ in Response.bytes(ViewerAssets.page, contentType: "text/html; charset=utf-8") }
        router.get("viewer.js") { _, _ in
            Response.bytes(ViewerAssets.script, contentType: "text/javascript; charset=utf-8")
        }
        router.get("viewer.css") { _, _ in Response.bytes(ViewerAssets.styles, contentType: "text/css; charset=utf-8") }
    }
}
