/// One 8-bit RGB color.
public struct RGBColor: Sendable, Equatable, Hashable {
    /// Red, 0...255.
    public var red: UInt8
    /// Green, 0...255.
    public var green: UInt8
    /// Blue, 0...255.
    public var blue: UInt8

    /// A color from its three channels.
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Black.
    public static let black = RGBColor(red: 0, green: 0, blue: 0)
    /// White.
    public static let white = RGBColor(red: 255, green: 255, blue: 255)
    /// The grid background: a light blue-gray that shape images on white or gray backgrounds stand out against.
    public static let gridBackground = RGBColor(red: 200, green: 206, blue: 216)
}
