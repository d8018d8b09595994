package dev.huzhu.cli.member;

import picocli.CommandLine.Command;

/** {@code huzhu member …}: membership of a plan. */
@Command(name = "member", mixinStandardHelpOptions = true, description = "Join a plan, deposit, withdraw, leave, see a membership, and register for anonymous ratings.",
        subcommands = {MemberJoin.class, MemberDeposit.class, MemberWithdraw.class, MemberLeave.class, MemberStatus.class, MemberPublishKey.class,
                MemberCommit.class},
        footer = {"", "Examples:", "  huzhu member join --plan 0 --amount 30 --account alice",
                "  huzhu member join --plan 0 --amount 30 --referrer 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 --account bob",
                "  huzhu member status --plan 0 --account alice"})
public final class MemberCommand {}
