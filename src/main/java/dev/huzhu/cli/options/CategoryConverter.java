package dev.huzhu.cli.options;

import dev.huzhu.protocol.Category;
import dev.huzhu.protocol.SolidityEnum;
import picocli.CommandLine.ITypeConverter;

/** {@code --category medical|education|disaster|shared-purchase|other}: the protocol's enum, one validation for every command. */
public final class CategoryConverter implements ITypeConverter<Category> {
    @Override
    public Category convert(String text) {
        return SolidityEnum.require(Category.class, text, "--category");
    }
}
