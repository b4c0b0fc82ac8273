/// The words the demo CRM is made of: Russian names, cities, managers, sources, stages.
enum DemoVocabulary {
    static let firstNamesM = ["Александр", "Дмитрий", "Максим", "Сергей", "Андрей", "Алексей", "Артём", "Илья", "Кирилл", "Михаил", "Иван", "Роман", "Павел", "Егор", "Никита"]
    static let firstNamesF = ["Анна", "Мария", "Елена", "Ольга", "Наталья", "Екатерина", "Татьяна", "Ирина", "Светлана", "Юлия", "Дарья", "Полина", "Алина", "Виктория", "Ксения"]
    static let lastNames = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев"]
    static let latinFirst = ["alexander", "dmitry", "maxim", "sergey", "andrey", "alexey", "artem", "ilya", "kirill", "mikhail", "ivan", "roman", "pavel", "egor", "nikita",
                             "anna", "maria", "elena", "olga", "natalia", "ekaterina", "tatiana", "irina", "svetlana", "julia", "daria", "polina", "alina", "victoria", "ksenia"]
    static let latinLast = ["ivanov", "smirnov", "kuznetsov", "popov", "vasiliev", "petrov", "sokolov", "mikhailov", "novikov", "fedorov", "morozov", "volkov", "alekseev", "lebedev", "semenov", "egorov", "pavlov", "kozlov", "stepanov", "nikolaev"]
    static let mailDomains: [(String, Double)] = [("mail.ru", 30), ("yandex.ru", 28), ("gmail.com", 18), ("bk.ru", 6), ("inbox.ru", 5), ("list.ru", 4), ("rambler.ru", 4), ("outlook.com", 3), ("icloud.com", 2)]
    static let companies = ["ООО «Вектор»", "АО «Северсталь-Сервис»", "ООО «Альфа Логистик»", "ИП Смирнов", "ООО «ТехноПарк»", "ООО «Ромашка»", "АО «Уралмаш-Снаб»", "ООО «Солнечный дом»", "ООО «Балтийская торговля»", "ООО «Сибирь-Агро»"]
    static let companyDomains = ["vector.ru", "severstal-service.ru", "alfalog.ru", "technopark.ru", "romashka.ru", "uralsnab.ru", "sundom.ru", "baltrade.ru", "sibagro.ru"]
    static let regions: [(String, Double)] = [("Москва", 32), ("Санкт-Петербург", 16), ("Новосибирск", 7), ("Екатеринбург", 7), ("Казань", 6), ("Нижний Новгород", 5), ("Самара", 4), ("Краснодар", 5), ("Ростов-на-Дону", 4), ("Воронеж", 3), ("Пермь", 3)]
    static let sources: [(String, Double)] = [("site", 34), ("ads", 24), ("store", 20), ("partner", 10), ("referral", 8), ("marketplace", 4)]
    static let managers = ["Ольга Крылова", "Игорь Белов", "Марина Соколова", "Денис Орлов", "Анастасия Зуева", "Павел Гришин", "Светлана Мельникова", "Артур Ганиев"]
    static let leadChannels: [(String, Double)] = [("site", 35), ("ads", 25), ("partner", 15), ("cold_call", 12), ("referral", 10), ("exhibition", 3)]
    static let stores = ["Москва, Тверская", "Москва, Мега Тёплый Стан", "СПб, Невский", "Казань, Баумана", "Екатеринбург, Гринвич", "Новосибирск, Аура"]
    static let lostReasons: [(String, Double)] = [("price", 34), ("competitor", 22), ("no_response", 20), ("not_qualified", 14), ("timing", 10)]
    static let pipelines: [(name: String, stages: [String])] = [
        ("retail", ["lead", "qualified", "proposal", "negotiation"]),
        ("b2b", ["lead", "meeting", "proposal", "contract", "invoice"]),
    ]
    static let roleMailboxes = ["info", "sales", "office", "support", "admin"]
    static let disposableDomains = ["mailinator.com", "10minutemail.com", "guerrillamail.com", "yopmail.com", "temp-mail.org"]
    static let invalidEmails = ["ivan.petrov@mail", "olga@@yandex.ru", "нет", "sergey petrov@mail.ru", "anna@.ru", "test@test", "ivanov@mail.ru.", "@gmail.com", "petrov@localhost", "user@123.456"]
    static let consentSources: [(String, Double)] = [("web_form", 45), ("pos", 25), ("app", 15), ("call_center", 10), ("import", 5)]
    static let campaignKinds: [(String, Double)] = [("promo", 50), ("reactivation", 20), ("birthday", 10), ("trigger", 10), ("welcome", 10)]
    static let campaignThemes = ["Чёрная пятница", "Новогодняя распродажа", "Весенние скидки", "Летний сезон", "Снова в школу", "День рождения бренда", "Возвращение клиентов", "Новая коллекция", "Кэшбэк недели", "Бесплатная доставка", "Клуб лояльности", "Распродажа склада"]
}
