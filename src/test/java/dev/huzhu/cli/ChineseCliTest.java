package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI in Chinese (issue 14): --lang zh or a Chinese locale; the expected lines are written out by hand. */
class ChineseCliTest {
    @TempDir
    Path home;
    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner().env("HUZHU_CONFIG_DIR", home.toString()).env("HUZHU_KEYSTORE_DIR", home.resolve("keystore").toString())
                .env("HUZHU_KEYSTORE_LIGHT", "1").env("HUZHU_PASSWORD", "pw1").env("LANG", "C.UTF-8");
    }

    @Test
    void langOptionAndLocaleBothGiveChineseMessages() {
        assertEquals(home.resolve("keystore") + " 中没有账户(用 `huzhu wallet new NAME` 创建)", cli.run("--lang", "zh", "wallet", "list").out().strip());
        assertEquals(home.resolve("keystore") + " 中没有账户(用 `huzhu wallet new NAME` 创建)", cli.run("wallet", "list", "--lang=zh").out().strip());
        CliRunner zhLocale = cli.copy().env("LANG", "zh_CN.UTF-8");
        CliRunner.Result typo = zhLocale.run("pool", "lsit");
        assertEquals(2, typo.exit());
        assertEquals("huzhu: 第 1 个参数 'lsit' 无法识别;你是想用 `huzhu pool list` 吗?(见 `huzhu pool --help`)", typo.errLine());
        CliRunner.Result amount = zhLocale.run("member", "deposit", "--plan", "0", "--amount", "lots");
        assertEquals("huzhu: 金额 'lots' 不是十进制数", amount.errLine());
        // LC_ALL wins over LANG, as in every POSIX tool; --lang wins over both
        assertTrue(cli.copy().env("LANG", "zh_CN.UTF-8").env("LC_ALL", "en_US.UTF-8").run("wallet", "list").out().startsWith("no accounts in "));
        assertTrue(zhLocale.run("--lang", "en", "wallet", "list").out().startsWith("no accounts in "));
        assertTrue(cli.run("wallet", "list").out().startsWith("no accounts in "));
    }

    @Test
    void tablesTranslateTheirHeadersAndStayAligned() {
        assertEquals(0, cli.runWithInput(KeystoreChecksTest.KEY_1 + "\n", "wallet", "import", "alice", "--private-key-file", "-").exit());
        String[] lines = cli.run("--lang", "zh", "wallet", "list").out().split("\n");
        assertEquals("名称   地址", lines[0]); // 名称 takes 4 columns, "alice" 5: one pad + the two-space gap
        assertEquals("alice  0x70997970C51812dc3A010C7d01b50e0d17dc79C8", lines[1]);
        // JSON is the same in both languages
        assertEquals(cli.run("wallet", "list", "--json").out(), cli.run("--lang", "zh", "wallet", "list", "--json").out());
    }

    @Test
    void helpSummariesAreChinese() {
        String help = cli.run("--lang", "zh", "wallet", "--help").out();
        assertTrue(help.startsWith("用法: huzhu wallet"), help);
        assertTrue(help.contains("列出账户(无需密码)。"), help);
        assertTrue(help.contains("命令:"), help);
        assertTrue(cli.run("--lang", "zh", "pool", "list", "--help").out().contains("输出 JSON(稳定格式"), "the --json option");
    }

    @Test
    void everyCommandHasAChineseSummary() {
        ResourceBundle zh = ResourceBundle.getBundle("dev.huzhu.cli.i18n.Help", Locale.CHINESE);
        List<String> missing = new ArrayList<>();
        walk(HuzhuCommand.newCommandLine(), zh, missing);
        assertEquals(List.of(), missing, "commands without huzhu.<command>.usage.description in Help_zh.properties");
    }

    private static void walk(CommandLine cl, ResourceBundle zh, List<String> missing) {
        String key = cl.getCommandSpec().qualifiedName(".") + ".usage.description";
        if (!zh.containsKey(key)) {
            missing.add(key);
        } else {
            assertNotEquals(String.join(" ", cl.getCommandSpec().usageMessage().description()), zh.getString(key), key);
        }
        cl.getSubcommands().values().stream().distinct().forEach(sub -> walk(sub, zh, missing));
    }

    /** A shared option key ("plan") is right only where the option means what most commands mean by it. */
    @Test
    void everyOptionSharingAKeyMeansTheSameInEnglish() {
        ResourceBundle zh = ResourceBundle.getBundle("dev.huzhu.cli.i18n.Help", Locale.CHINESE);
        java.util.Map<String, java.util.Map<String, List<String>>> meanings = new java.util.TreeMap<>();
        collect(HuzhuCommand.newCommandLine(), zh, meanings);
        List<String> ambiguous = new ArrayList<>();
        meanings.forEach((key, byEnglish) -> {
            if (byEnglish.size() > 1) {
                byEnglish.forEach((english, commands) -> ambiguous.add(key + ": '" + english + "' in " + commands.get(0)
                        + (commands.size() > 1 ? " and " + (commands.size() - 1) + " more" : "")));
            }
        });
        assertEquals(List.of(), ambiguous, "shared Help_zh keys used by options with different English descriptions: add huzhu.<command>.<option> lines");
    }

    private static void collect(CommandLine cl, ResourceBundle zh, java.util.Map<String, java.util.Map<String, List<String>>> meanings) {
        String cmd = cl.getCommandSpec().qualifiedName(".");
        for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
            String key = o.longestName().replaceFirst("^-+", "");
            boolean standard = key.equals("help") || key.equals("version"); // picocli's own, from mixinStandardHelpOptions.*
            if (!standard && zh.containsKey(key) && !zh.containsKey(cmd + "." + key)) { // translated by the shared line
                meanings.computeIfAbsent(key, k -> new java.util.TreeMap<>())
                        .computeIfAbsent(String.join(" ", o.description()), d -> new ArrayList<>()).add(cmd);
            }
        }
        cl.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, zh, meanings));
    }

    @Test
    void anUnknownLanguageIsOneLine() {
        CliRunner.Result r = cli.run("--lang", "fr", "wallet", "list");
        assertEquals(2, r.exit());
        assertEquals("huzhu: --lang 'fr' is not one of en, zh", r.errLine());
    }
}
