/// Something drawn from already-scaled values. Each mark is one small file.
public protocol Mark: Sendable {
    func draw(on canvas: any Canvas)
}
