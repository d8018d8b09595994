package dev.huzhu.demo;

import java.io.PrintStream;
import java.math.BigInteger;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Prints one line per demo step: what happened, the transaction hash and the gas it used. */
public final class StepLog {
    private final PrintStream out;
    private int step;
    private BigInteger totalGas = BigInteger.ZERO;

    public StepLog(PrintStream out) {
        this.out = out;
    }

    /** Records a transaction step. */
    public void tx(String what, TransactionReceipt receipt) {
        totalGas = totalGas.add(receipt.getGasUsed());
        out.printf("%3d  %-58s tx %s  gas %,9d%n", ++step, what, receipt.getTransactionHash(), receipt.getGasUsed());
    }

    /** Records a step that sent no transaction. */
    public void note(String what) {
        out.printf("%3d  %s%n", ++step, what);
    }

    public BigInteger totalGas() {
        return totalGas;
    }
}
