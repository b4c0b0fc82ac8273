/// The longest CRM text each parser looks at. Text is read as it is stored, of any length; a
/// parser first checks the length, so one hostile value (a megabyte of digits) costs a length
/// test, never time that grows with its size (issue 19). Every bound is far above the longest
/// value the form allows, so no real value is cut.
public enum TextBounds {
    /// A timestamp: the longest accepted form, `YYYY-MM-DDTHH:MM:SS.fffffffff+HH:MM`, is 35
    /// bytes; longer text (a fraction of a thousand digits) is no timestamp and makes the row bad.
    public static let timestamp = 64
    /// A number stored as text (an id or an amount): 100 bytes, where an exact decimal of an
    /// amount below the 10^13 limit needs at most about 40; longer text is not a number.
    public static let number = 100
}
